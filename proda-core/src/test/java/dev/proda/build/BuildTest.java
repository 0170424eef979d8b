package dev.proda.build;

import dev.proda.curriculum.CorpusEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.compile.ContextFit;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.Progress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuildTest {
    static Statement relation(String id, String subject, String predicate, String object, String discipline,
            String... concepts) {
        return new Statement(id, null, subject, predicate, object, subject + " is said to " + predicate + " "
                + object + ".", List.of(new Span(discipline + "/doc.txt", 0, 10)), List.of(concepts));
    }

    static Concept concept(String id, String term, String discipline, String definition, String... statements) {
        return new Concept(id, term, List.of(), null, definition, List.of(statements), discipline, List.of());
    }

    /**
     * Statistics: lasso and ridge are linear models, a linear model is a kind of model, logistic regression is
     * a classifier, a classifier is a kind of model (so linear model and classifier are siblings under model),
     * and sparse linear model is a kind of linear model. Biology has one is-a object of its own: organism.
     */
    static KnowledgeBase kb() {
        List<Statement> statements = List.of(
                relation("s-lasso", "lasso", "is-a", "linear model", "statistics", "c-lasso", "c-lm"),
                relation("s-ridge", "ridge regression", "is-a", "linear model", "statistics", "c-ridge", "c-lm"),
                relation("s-lm", "linear model", "is-a", "model", "statistics", "c-lm", "c-model"),
                relation("s-logit", "logistic regression", "is-a", "classifier", "statistics", "c-logit", "c-clf"),
                relation("s-clf", "classifier", "is-a", "model", "statistics", "c-clf", "c-model"),
                relation("s-sparse", "sparse linear model", "is-a", "linear model", "statistics", "c-sparse", "c-lm"),
                relation("s-cell", "cell", "is-a", "organism", "biology", "c-cell", "c-org"),
                new Statement("l1", "ch-fit", "Load the data.", Statement.NEXT_STEP, "Fit the model.", "q", List.of(),
                        List.of()),
                new Statement("l2", "ch-fit", "Fit the model.", Statement.NEXT_STEP, "Score the model on test data.",
                        "q", List.of(), List.of()),
                new Statement("l3", "ch-fit", "Score the model on test data.", Statement.NEXT_STEP,
                        "Report the score.", "q", List.of(), List.of()));
        List<Concept> concepts = List.of(
                concept("c-lasso", "lasso", "statistics", "a linear model that estimates sparse coefficients",
                        "s-lasso"),
                concept("c-lm", "linear model", "statistics", null, "s-lasso", "s-ridge", "s-lm", "s-sparse"),
                concept("c-ridge", "ridge regression", "statistics", null, "s-ridge"),
                concept("c-model", "model", "statistics", null, "s-lm", "s-clf"),
                concept("c-logit", "logistic regression", "statistics", null, "s-logit"),
                concept("c-clf", "classifier", "statistics", null, "s-logit", "s-clf"),
                concept("c-sparse", "sparse linear model", "statistics", null, "s-sparse"),
                concept("c-cell", "cell", "biology", null, "s-cell"),
                concept("c-org", "organism", "biology", null, "s-cell"));
        Chain procedure = new Chain("ch-fit", null, "fitting a model", null, List.of(), List.of(),
                List.of("Load the data.", "Fit the model.", "Score the model on test data.", "Report the score."),
                List.of("l1", "l2", "l3"), List.of(), "statistics", Chain.PROCEDURE);
        return new KnowledgeBase(List.of(procedure), statements, concepts);
    }

    static Curriculum all(KnowledgeBase kb) {
        return Curriculum.select(kb, new ProdaConfig.Budgets(10, 100, 10, 4), 1);
    }

    @Test
    void falseSentencesAppearOnlyInQuestionsAndComeFromSiblingsOfTheSameDiscipline() {
        KnowledgeBase kb = kb();
        Set<String> trueSentences = kb.statements().stream()
                .map(s -> Phrasing.sentence(s.subject(), s.predicate(), s.object())).collect(Collectors.toSet());
        for (long seed = 1; seed <= 20; seed++) {
            List<Sample> samples = Build.samples(kb, all(kb), seed);
            for (Sample sample : samples.stream().filter(s -> s.skill().equals("true-false")).toList()) {
                String question = sample.messages().get(0).content();
                String answer = sample.messages().get(1).content();
                String claim = question.substring("True or false: ".length());
                if (answer.startsWith("True. ")) {
                    assertTrue(trueSentences.contains(claim), claim);
                    assertEquals(claim, answer.substring("True. ".length()));
                    continue;
                }
                assertTrue(answer.startsWith("False. "), answer);
                assertTrue(trueSentences.contains(answer.substring("False. ".length())), answer);
                assertFalse(trueSentences.contains(claim), "a true sentence offered as false: " + claim);
                // Never what the KB makes true by transitivity, never a narrower kind, never another discipline.
                assertFalse(claim.equals("Lasso is a kind of model."), claim);
                assertFalse(claim.equals("Lasso is a kind of sparse linear model."), claim);
                assertFalse(claim.contains("organism") || claim.startsWith("Cell "), claim);
                if (claim.startsWith("Lasso ")) {
                    // linear model's only sibling under "model" is classifier
                    assertEquals("Lasso is a kind of classifier.", claim);
                }
            }
            // No answer of any sample states a false sentence.
            for (Sample sample : samples) {
                String answer = sample.messages().get(1).content();
                if (sample.skill().matches("state|relate")) {
                    assertTrue(trueSentences.contains(answer), answer);
                }
            }
        }
    }

    @Test
    void everyStatementConceptAndProcedureIsTaught() {
        KnowledgeBase kb = kb();
        Build.Written written = Build.samples(kb, all(kb), CorpusEvidence.NONE, 3, s -> true);
        List<Sample> samples = written.samples();
        Set<String> skills = samples.stream().map(Sample::skill).collect(Collectors.toSet());
        assertEquals(Set.of("state", "relate", "member", "attribute", "true-false", "procedure", "define",
                "name-the-term"), skills);
        Sample member = samples.stream().filter(s -> s.skill().equals("member")).findFirst().orElseThrow();
        assertTrue(member.messages().get(0).content().startsWith("Name one thing that "), "asks for the subject");
        // No false sample, counted: the biology statement (no other is-a object in biology), and "linear model
        // is a kind of model" and "classifier is a kind of model" (every other object is the subject itself or a
        // narrower kind of model, which might be true).
        assertEquals(3, written.withoutFalseObject());
        assertEquals(kb.statements().size() - 3 - 3, samples.stream().filter(s -> s.messages().get(1).content()
                .startsWith("False. ")).count());
        Sample steps = samples.stream().filter(s -> s.skill().equals("procedure")).findFirst().orElseThrow();
        assertEquals("List the steps of fitting a model.", steps.messages().get(0).content());
        assertEquals("1. Load the data.\n2. Fit the model.\n3. Score the model on test data.\n4. Report the score.",
                steps.messages().get(1).content());
        assertEquals(List.of("ch-fit", "l1", "l2", "l3"), steps.knowledge());
        Sample define = samples.stream().filter(s -> s.skill().equals("define")).findFirst().orElseThrow();
        assertEquals("Lasso is a linear model that estimates sparse coefficients.", define.messages().get(1).content());
        Set<String> taught = new HashSet<>();
        samples.forEach(s -> taught.addAll(s.knowledge()));
        kb.statements().forEach(s -> assertTrue(taught.contains(s.statement_id()), s.statement_id()));
        // Builder wording is never a benchmark question form.
        for (Sample sample : samples) {
            String question = sample.messages().get(0).content();
            assertFalse(question.matches("(?s).*\\b(Which|Complete|According to|follows|comes after)\\b.*"), question);
        }
    }

    @Test
    void relationsReadAsSentences() {
        assertEquals("Lasso is a kind of linear model.", Phrasing.sentence("lasso", "is-a", "a linear model"));
        assertEquals("Ridge is used for a regression task.", Phrasing.sentence("ridge", "used-for", "a regression task"));
        assertEquals("Step one is followed by step two.", Phrasing.sentence("step one", "next-step", "step two"));
    }

    @Test
    void aProcedureTooLongForTheContextIsTaughtInOverlappingParts() {
        KnowledgeBase kb = kb();
        // A counter of words: any real counter works for the splitting logic; the CLI test uses the student's.
        ContextFit fit = new ContextFit(text -> text.isBlank() ? 0 : text.strip().split("\\s+").length, 24);
        List<Sample> procedure = Build.samples(kb, all(kb), CorpusEvidence.NONE, 3, fit::fits).samples().stream()
                .filter(s -> s.skill().equals("procedure")).toList();
        assertTrue(procedure.size() > 1, procedure.toString());
        List<String> pairs = new ArrayList<>();
        for (Sample part : procedure) {
            assertTrue(fit.fits(part), part.toString());
            assertTrue(part.messages().get(0).content().startsWith("List steps "), part.toString());
            List<String> lines = part.messages().get(1).content().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                pairs.add(lines.get(i) + " -> " + lines.get(i + 1));
            }
        }
        assertEquals(List.of("1. Load the data. -> 2. Fit the model.",
                "2. Fit the model. -> 3. Score the model on test data.",
                "3. Score the model on test data. -> 4. Report the score."), pairs, "every step meets its successor");
    }

    @Test
    void samplesLongerThanTheContextAreDroppedAndReported() {
        KnowledgeBase kb = kb();
        ContextFit fit = new ContextFit(text -> text.isBlank() ? 0 : text.strip().split("\\s+").length, 16);
        Build.Written written = Build.samples(kb, all(kb), CorpusEvidence.NONE, 3, fit::fits);
        Build.Report report = Build.Report.of(written, fit);
        assertFalse(report.tooLong().isEmpty());
        assertEquals(written.samples().size(), report.kept().size() + report.tooLong().size());
        report.kept().forEach(s -> assertTrue(fit.tokens(s) <= 16, s.toString()));
        report.tooLong().forEach(t -> assertTrue(t.tokens() > 16, t.toString()));
        assertEquals(report.kept().stream().mapToInt(fit::tokens).max().orElseThrow(), report.longest().tokens());
    }

    @Test
    void progressCountsEveryNodeTaughtOnce() {
        KnowledgeBase kb = kb();
        List<String> steps = new ArrayList<>();
        long[] totalAndDone = new long[2];
        int[] closed = {0};
        Log log = new Log() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public Progress progress(String step, long total, String unit) {
                steps.add(step + ", " + unit);
                totalAndDone[0] = total;
                return new Progress() {
                    @Override
                    public void advance(long n) {
                        assertEquals(0, closed[0], "no progress after the step ended");
                        totalAndDone[1] += n;
                    }

                    @Override
                    public void set(long done, String detail) {
                        totalAndDone[1] = Math.max(totalAndDone[1], done);
                    }

                    @Override
                    public void close() {
                        closed[0]++;
                    }
                };
            }
        };
        Build.Written shown = Build.samples(kb, all(kb), CorpusEvidence.NONE, 3, s -> true, log);
        assertEquals(List.of("build, nodes"), steps);
        assertEquals(1, closed[0]);
        // every node taught (a statement, the procedure, the one defined concept) is the first knowledge of its samples
        long nodes = shown.samples().stream().map(s -> s.knowledge().get(0)).distinct().count();
        assertEquals(9, nodes, "7 relations, 1 procedure, 1 defined concept");
        assertEquals(nodes, totalAndDone[0], "the total announced");
        assertEquals(nodes, totalAndDone[1], "the count reached");
        assertEquals(Build.samples(kb, all(kb), CorpusEvidence.NONE, 3, s -> true).samples(), shown.samples(),
                "showing progress changes no sample");
    }
}

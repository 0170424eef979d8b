package dev.proda.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.bench.Figures.Ratio;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prose scorer on the fixture in {@code src/test/resources/prose} (two documents, eight labelled sentences,
 * two procedure passages, a small glossary) with a knowledge base built by hand, so that every figure can be
 * worked out by reading the fixture.
 */
class ProseScoresTest {
    static final Path FIXTURE = Path.of("src/test/resources/prose");
    static final String TREES = "statistics/trees.txt";
    static final String LOOPS = "computing/loops.txt";

    private final List<Corpus.Document> corpus = Corpus.read(FIXTURE.resolve("corpus"), "general", Log.into(
            new ArrayList<>()));
    private final ProseGold gold = ProseGold.read(FIXTURE.resolve("prose-gold")).of(ProseGold.BUNDLED);

    private Span span(String doc, String text) {
        String all = corpus.stream().filter(d -> d.path().equals(doc)).findFirst().orElseThrow().text();
        int start = all.indexOf(text);
        assertTrue(start >= 0, text);
        return new Span(doc, start, start + text.length());
    }

    private static Statement relation(String id, String subject, String predicate, String object, Span span) {
        return new Statement(id, null, subject, predicate, object, "quote", List.of(span), List.of());
    }

    private static Concept concept(String id, String term, String discipline, String... aliases) {
        return new Concept(id, term, List.of(aliases), "term", null, List.of(), discipline, List.of());
    }

    /** s1, s2, s4, s8, s10 right; s3 (anaphor) and s5 (wrong predicate) wrong; s6 straddles; s7 is outside. */
    private List<Statement> statements() {
        Span first = span(TREES, "A decision tree is a non-parametric supervised learning method.");
        Span second = span(TREES, "Decision trees are used for classification and regression.");
        Span forest = span(TREES, "A random forest is an ensemble of decision trees.");
        Span loop = span(LOOPS, "A for loop requires an iterable.");
        return List.of(
                relation("s1", "decision tree", "is-a", "a non-parametric supervised learning method", first),
                relation("s2", "Decision trees", "used-for", "classification", second),
                relation("s3", "It", "is-a", "simple", span(TREES, "It is simple to understand.")),
                relation("s4", "random forest", "is-a", "an ensemble of decision trees", forest),
                relation("s5", "random forest", "part-of", "decision tree", forest),
                relation("s6", "decision tree", "used-for", "regression",
                        new Span(TREES, first.start(), second.end())),
                relation("s7", "algorithm", "requires", "training data",
                        span(TREES, "First, the algorithm selects the best split of the training data.")),
                // the sentence span with the blank after it: still lies in the gold sentence
                relation("s8", "the for loop", "requires", "an iterable",
                        new Span(LOOPS, loop.start(), loop.end() + 1)),
                relation("s10", "decision tree", "used-for", "regression", second),
                new Statement("n1", "c1", "step one", Statement.NEXT_STEP, "step two", "q", List.of(first),
                        List.of()));
    }

    private KnowledgeBase kb(List<Chain> chains, List<Concept> concepts) {
        return new KnowledgeBase(chains, statements(), concepts);
    }

    @Test
    void statementsAreRightOnlyWithTheGoldPredicateAndConcepts() {
        ProseScores.Statements s = ProseScores.statements(gold, corpus, kb(List.of(), List.of()));
        assertEquals(9, s.relationStatements());
        assertEquals(new Ratio(5, 7), s.all().precision());
        assertEquals(new Ratio(5, 6), s.all().recall());
        assertEquals(1, s.straddling());
        assertEquals(new Ratio(4, 5), s.byStratum().get("cue").precision());
        assertEquals(new Ratio(4, 5), s.byStratum().get("cue").recall());
        assertEquals(new Ratio(1, 2), s.byStratum().get("random").precision());
        assertEquals(new Ratio(1, 1), s.byStratum().get("random").recall());
        assertEquals(new Ratio(0, 1), s.byPredicate().get("part-of").precision());
        assertEquals(new Ratio(2, 3), s.byPredicate().get("is-a").precision());
    }

    @Test
    void chainsAreCheckedWhereTheGoldCanJudgeThem() {
        List<Statement> st = statements();
        Span grow = span(TREES, "First, the algorithm selects the best split of the training data. Then it "
                + "partitions the samples into two child nodes. Finally, it repeats the procedure on each child node "
                + "until a stopping criterion is met.");
        List<String> steps = List.of("First, the algorithm selects the best split of the training data.",
                "Then it partitions the samples into two child nodes.",
                "Finally, it repeats the procedure on each child node until a stopping criterion is met.");
        List<Chain> chains = List.of(
                procedure("c1", steps, grow),
                procedure("c2", List.of("The loop body runs once per item.", "The interpreter keeps a counter.",
                        "Iterables can be looped over."), span(LOOPS, "The loop body runs once per item")),
                procedure("c3", steps.subList(0, 2), grow),
                procedure("c4", List.of(steps.get(1), steps.get(0), steps.get(2)), grow),
                path("c5", List.of(st.get(3).statement_id(), st.get(0).statement_id())),
                path("c6", List.of(st.get(0).statement_id(), st.get(2).statement_id())),
                path("c7", List.of(st.get(0).statement_id(), st.get(6).statement_id())),
                procedure("c8", steps, span(LOOPS, "A list comprehension is a compact way")));
        ProseScores.Chains c = ProseScores.chains(gold, corpus, kb(chains, List.of()));
        assertEquals(8, c.chains());
        assertEquals(5, c.procedures());
        assertEquals(3, c.paths());
        // c1 right; c2 in a passage with no procedure; c3 misses a step; c4 has them out of order; c8 not checkable
        assertEquals(4, c.proceduresCheckable());
        assertEquals(1, c.proceduresCorrect());
        // c5 right, c6 has the anaphor statement s3, c7 has s7 that lies in no gold sentence
        assertEquals(2, c.pathsCheckable());
        assertEquals(1, c.pathsCorrect());
        assertEquals(new Ratio(2, 6), c.precision());
        assertEquals(new Ratio(1, 1), c.procedureRecall());
    }

    private static Chain procedure(String id, List<String> steps, Span span) {
        List<String> links = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            links.add(id + "-l" + i);
        }
        return new Chain(id, "ctx", "growing a tree", "", List.of(), List.of(), steps, links, List.of(span),
                "statistics", Chain.PROCEDURE);
    }

    private static Chain path(String id, List<String> statementIds) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i <= statementIds.size(); i++) {
            steps.add("term " + i);
        }
        return new Chain(id, "ctx", "path", "", List.of(), List.of(), steps, statementIds, List.of(), "statistics",
                Chain.PATH);
    }

    @Test
    void stepsMatchByContentWords() {
        assertTrue(ProseScores.sameStep("Then it partitions the samples into two child nodes.",
                "The algorithm partitions the samples into two child nodes."));
        assertTrue(ProseScores.sameStep("Fit the model.", "Fit the model on the training data after scaling it."));
        assertFalse(ProseScores.sameStep("Fit.", "Fit the model on the training data after scaling it."));
        assertFalse(ProseScores.sameStep("Scale the features.", "Fit the model on the scaled features."));
        List<String> gold = List.of("Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota.");
        assertTrue(ProseScores.sameSteps(List.of("First, alpha beta gamma.", "Then delta epsilon zeta.",
                "Finally eta theta iota."), gold));
        assertFalse(ProseScores.sameSteps(List.of("Delta epsilon zeta.", "Alpha beta gamma.", "Eta theta iota."),
                gold), "out of order");
        assertFalse(ProseScores.sameSteps(gold.subList(0, 2), gold), "a step short");
    }

    private static List<Concept> concepts() {
        return List.of(concept("k1", "decision tree", "statistics"), concept("k2", "random forest", "statistics"),
                concept("k3", "method", "statistics"), concept("k4", "base estimators", "statistics"),
                concept("k5", "list", "computing"), concept("k6", "iterable object", "computing", "iterable"),
                concept("k7", "classification", "statistics"), concept("k8", "tree", "biology"),
                concept("k9", "support vector machine", "statistics", "SVM"));
    }

    @Test
    void conceptMentionsAreRightWhenTheyAreGoldTermsOfTheSentence() {
        ProseScores.Concepts c = ProseScores.concepts(gold, kb(List.of(), concepts()));
        // b-0001: decision tree ✓, method ✗, tree ✗; b-0002: decision tree ✓, classification ✓, tree ✗;
        // b-0004: random forest ✓, decision tree ✓, tree ✗; b-0005: method ✗, base estimator ✓;
        // b-0006: list ✓ (once); b-0007: iterable object, by its alias ✓
        assertEquals(new Ratio(8, 13), c.precision());
        assertEquals(new Ratio(7, 12), c.byStratum().get("cue"));
        assertEquals(new Ratio(1, 1), c.byStratum().get("random"));
        assertEquals(Map.of("tree", 3, "method", 2), c.wrongMentions());
        assertEquals("tree", c.wrongMentions().keySet().iterator().next());
    }

    @Test
    void termKeysMatchWholeWordsWithinOnePhrase() {
        assertEquals("decision tree", TermKeys.key("The Decision Trees"));
        assertEquals("iterable", TermKeys.key("an iterable"));
        var grams = TermKeys.grams("Iterables, generators and sequences; the decision trees.");
        assertTrue(grams.contains("iterable") && grams.contains("generator") && grams.contains("decision tree"));
        assertFalse(grams.contains("iterable generator"), "punctuation ends a phrase");
        assertFalse(grams.contains("sequence the"));
        assertFalse(TermKeys.grams("treehouse").contains("tree"));
    }

    @Test
    void readsTheFixtureGlossary() {
        List<Glossary.Entry> entries = Glossary.entries(Glossary.documents(FIXTURE.resolve("glossaries")));
        assertEquals(List.of("iterable", "list comprehension", "generator"), entries.stream()
                .map(Glossary.Entry::term).toList());
        // the code heading __slots__ ends the entry before it without giving one
        assertEquals("A function which returns a generator iterator.", entries.get(2).definition());
        assertEquals("computing", entries.get(0).discipline());
    }

    @Test
    void readsTheBundledGlossaries() {
        List<Glossary.Entry> entries = Glossary.entries(Glossary.documents(Path.of("data/glossaries")));
        List<String> terms = entries.stream().map(Glossary.Entry::term).toList();
        assertTrue(terms.containsAll(List.of("abstract base class", "global interpreter lock", "supervised learning",
                "data leakage", "early stopping")), terms.toString());
        for (String notATerm : List.of("Glossary", "Glossary of Common Terms and API Elements", "General Concepts",
                "fit_transform", "An integer", "As documented", "None (default)", "__slots__")) {
            assertFalse(terms.contains(notATerm), notATerm);
        }
        assertTrue(entries.size() > 150, "entries: " + entries.size());
        Glossary.Entry gil = entries.stream().filter(e -> e.term().equals("global interpreter lock")).findFirst()
                .orElseThrow();
        assertTrue(gil.definition().startsWith("The mechanism used by the CPython interpreter"), gil.definition());
    }

    @Test
    void glossaryTermsAreScoredOnTheOtherDocuments() {
        List<Glossary.Entry> glossary = Glossary.entries(Glossary.documents(FIXTURE.resolve("glossaries")));
        ProseScores.GlossaryConcepts g = ProseScores.glossaryConcepts(glossary, corpus, kb(List.of(), concepts()));
        // all three terms occur in loops.txt ("generators", plural); only iterable is a concept (an alias)
        assertEquals(new Ratio(1, 3), g.recall());
        // concepts of computing, the glossary's discipline: list, iterable object
        assertEquals(new Ratio(1, 2), g.share());
        // a term that only the glossary document itself holds is no gold: the glossary is no "other document"
        List<Corpus.Document> treesAndGlossary = List.of(corpus.get(1), new Corpus.Document(
                "computing/mini-glossary.txt", "computing", "An iterable feeds the loop."));
        assertEquals(TREES, treesAndGlossary.get(0).path());
        assertEquals(new Ratio(0, 0), ProseScores.glossaryConcepts(glossary, treesAndGlossary,
                kb(List.of(), concepts())).recall());
    }

    @Test
    void glossaryLayoutNeedsADefinitionFromTheEntry() {
        List<Glossary.Entry> glossary = Glossary.entries(Glossary.documents(FIXTURE.resolve("glossaries")));
        KnowledgeBase kb = new KnowledgeBase(List.of(), List.of(), List.of(
                new Concept("g1", "iterables", List.of(), "term", "an object capable of returning its members one at "
                        + "a time", List.of(), "computing", List.of()),
                new Concept("g2", "generator", List.of(), "term", "a kind of bird", List.of(), "computing", List.of()),
                new Concept("g3", "list comprehension", List.of(), "term", null, List.of(), "computing", List.of())));
        ProseScores.GlossaryLayout layout = ProseScores.glossaryLayout(glossary, kb);
        assertEquals(new Ratio(3, 3), layout.asConcept());
        assertEquals(new Ratio(2, 3), layout.defined());
        assertEquals(new Ratio(1, 3), layout.fromOwnEntry());
    }

    @Test
    void goldThatNoLongerMatchesItsCorpusIsRefused() {
        ProseGold.Sentence first = gold.sentences().get(0);
        ProseGold shifted = new ProseGold(List.of(new ProseGold.Sentence(first.id(), first.set(), first.stratum(),
                first.discipline(), first.doc(), first.start() + 1, first.end() + 1, first.text(), first.terms(),
                first.statements(), first.note())), List.of());
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> shifted.requireIn(corpus, "the fixture"));
        assertTrue(e.getMessage().contains("b-0001: text is not statistics/trees.txt"), e.getMessage());
        gold.requireIn(corpus, "the fixture");
    }

    @Test
    void goldWithAnUnknownPredicateNamesItsLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("sentences.jsonl"), "{\"id\":\"b-1\",\"set\":\"bundled\","
                + "\"stratum\":\"cue\",\"discipline\":\"x\",\"doc\":\"x/y.txt\",\"start\":0,\"end\":1,\"text\":\"A\","
                + "\"terms\":[],\"statements\":[{\"subject\":\"a\",\"predicate\":\"is-followed-by\",\"object\":\"b\"}],"
                + "\"note\":\"\"}\n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> ProseGold.read(dir));
        assertTrue(e.getMessage().contains("sentences.jsonl:1") && e.getMessage().contains("is-followed-by"),
                e.getMessage());
    }
}

package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.text.Terms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtractTest {
    private static List<Corpus.Document> documents;
    private static KnowledgeBase kb;

    @BeforeAll
    static void extractBundledCorpus() {
        documents = Corpus.read(TestCorpus.EXAMPLE.resolve("corpus"), "x", Log.SILENT);
        kb = Extract.extract(documents);
    }

    @Test
    void findsStatementsInEveryDisciplineAndOnlyTheTwoKindsOfChain() {
        List<Statement> relations = kb.statements().stream().filter(s -> s.parent_chain_id() == null).toList();
        assertTrue(relations.size() > 100, "statements: " + relations.size());
        assertTrue(kb.concepts().size() > 100, "concepts: " + kb.concepts().size());
        Set<String> disciplines = kb.concepts().stream().map(Concept::discipline).collect(Collectors.toSet());
        assertTrue(disciplines.containsAll(Set.of("biology", "computing", "statistics", "economics", "physics")),
                disciplines.toString());
        assertFalse(kb.chains().isEmpty());
        kb.chains().forEach(c -> assertTrue(Set.of(Chain.PATH, Chain.PROCEDURE).contains(c.kind()), c.chain_id()));
    }

    @Test
    void statementsAreSelfContainedClaimsBetweenTerms() {
        Set<String> anaphora = Set.of("it", "this", "these", "those", "they", "he", "she", "we", "you", "that",
                "there", "here", "its", "their", "such");
        for (Statement s : kb.statements()) {
            if (s.parent_chain_id() != null) {
                continue;
            }
            String first = s.subject().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            assertFalse(anaphora.contains(first), s.subject());
            assertTrue(s.object().split("\\s+").length <= 5, "an object is a term, not a phrase: " + s.object());
            assertFalse(Set.of("a", "an", "the").contains(s.object().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT)),
                    s.object());
            assertTrue(s.confidence() >= Extract.DEFAULT_MIN_CONFIDENCE, s.statement_id());
            assertEquals(2, s.concept_ids().size(), "subject and object are concepts: " + s);
        }
    }

    @Test
    void everySpanPointsAtItsSourceText() {
        Map<String, String> texts = new HashMap<>();
        documents.forEach(d -> texts.put(d.path(), d.text()));
        for (Statement s : kb.statements()) {
            String quoted = s.spans().stream().map(span -> slice(texts, span)).collect(Collectors.joining(" "));
            assertTrue(s.spans().stream().anyMatch(span -> slice(texts, span).equals(s.source_quote())
                    || s.source_quote().contains(slice(texts, span))), s.statement_id() + ": " + quoted);
            if (s.parent_chain_id() == null) {
                // every word of the object is the source's ("an empirical one" of "The PAM model" reads
                // "empirical model": the words are there, the phrase need not be)
                java.util.List<String> words = dev.proda.text.Segmenter.words(quoted);
                assertTrue(words.containsAll(dev.proda.text.Segmenter.words(s.object())), s + " / " + quoted);
            }
        }
        for (Chain c : kb.chains()) {
            String passage = c.spans().stream().map(span -> slice(texts, span)).collect(Collectors.joining(" "));
            if (Chain.PROCEDURE.equals(c.kind())) {
                c.steps().forEach(step -> assertTrue(passage.contains(step), c.chain_id()));
            }
        }
        for (Concept c : kb.concepts()) {
            assertTrue(c.spans().stream().anyMatch(span -> slice(texts, span).equalsIgnoreCase(c.term())
                    || c.aliases().stream().anyMatch(a -> slice(texts, span).equalsIgnoreCase(a))), c.term());
        }
    }

    @Test
    void layersAreLinked() {
        Map<String, Statement> statements = kb.statementsById();
        Map<String, Concept> concepts = kb.conceptsById();
        for (Chain c : kb.chains()) {
            assertEquals(c.steps().size() - 1, c.statement_ids().size());
            for (int i = 0; i < c.statement_ids().size(); i++) {
                Statement link = statements.get(c.statement_ids().get(i));
                if (Chain.PROCEDURE.equals(c.kind())) {
                    assertEquals(c.chain_id(), link.parent_chain_id());
                    assertEquals(Statement.NEXT_STEP, link.predicate());
                    assertEquals(c.steps().get(i), link.subject());
                    assertEquals(c.steps().get(i + 1), link.object());
                } else {
                    assertEquals(null, link.parent_chain_id());
                    assertEquals(Terms.key(c.steps().get(i)), Terms.key(link.subject()));
                    assertEquals(Terms.key(c.steps().get(i + 1)), Terms.key(link.object()));
                }
            }
        }
        for (Statement s : kb.statements()) {
            s.concept_ids().forEach(id -> assertTrue(concepts.get(id).parent_statement_ids().contains(s.statement_id())));
        }
        assertTrue(kb.concepts().stream().allMatch(c -> !c.parent_statement_ids().isEmpty()));
    }

    @Test
    void readsDefinitionsAndAliases() {
        KnowledgeBase small = Extract.extract(List.of(new Corpus.Document("ml/trees.txt", "statistics",
                "Decision Trees (DTs) are a non-parametric supervised learning method used for classification.\n\n"
                        + "A decision tree requires little data preparation. It is simple to understand.\n")));
        Concept tree = small.concepts().stream().filter(c -> c.term().equalsIgnoreCase("decision trees")
                || c.term().equalsIgnoreCase("decision tree")).findFirst().orElseThrow();
        assertEquals("a non-parametric supervised learning method used for classification", tree.definition());
        assertTrue(tree.aliases().contains("DTs"), tree.aliases().toString());
        Statement isa = small.statements().stream().filter(s -> s.predicate().equals("is-a")).findFirst().orElseThrow();
        assertEquals("non-parametric supervised learning method", isa.object(), "the genus term, not the phrase");
        assertTrue(small.statements().stream().noneMatch(s -> s.subject().equals("It")), "no pronoun subject");
    }

    @Test
    void mergesAliasesAndPluralsAndTakesTheMajorityDiscipline() {
        KnowledgeBase small = Extract.extract(List.of(
                new Corpus.Document("a/trees.txt", "statistics",
                        "Decision Trees (DTs) are a non-parametric supervised learning method.\n\n"
                                + "DTs are a kind of predictive model.\n"),
                new Corpus.Document("b/more.txt", "computing", "A decision tree is a flowchart-like structure.\n"),
                new Corpus.Document("c/more.txt", "statistics", "Decision trees are a popular predictive model.\n")));
        List<Concept> trees = small.concepts().stream().filter(c -> c.term().toLowerCase().startsWith("decision tree")
                || c.aliases().contains("DTs")).toList();
        assertEquals(1, trees.size(), small.concepts().toString());
        Concept tree = trees.get(0);
        assertTrue(tree.aliases().contains("DTs"));
        assertEquals("statistics", tree.discipline());
        assertEquals(3, tree.parent_statement_ids().size(), "the is-a statements of its plural, singular and alias: "
                + small.statements());
        Concept model = small.concepts().stream().filter(c -> c.term().equals("predictive model")).findFirst()
                .orElseThrow();
        assertEquals(1, model.parent_statement_ids().size(), "two sentences, one statement (same subject concept)");
    }

    @Test
    void relationStatementsUseTermPredicatesAndProcedureLinksTheirOwn() {
        Set<String> known = Set.of("is-a", "part-of", "has-part", "used-for", "causes", "requires", "measured-in",
                "enables");
        kb.statements().stream().filter(s -> s.parent_chain_id() == null)
                .forEach(s -> assertTrue(known.contains(s.predicate()), s.predicate()));
        kb.statements().stream().filter(s -> s.parent_chain_id() != null)
                .forEach(s -> assertEquals(Statement.NEXT_STEP, s.predicate()));
    }

    @Test
    void extractionIsDeterministic() {
        assertEquals(kb, Extract.extract(documents));
    }

    private static String slice(Map<String, String> texts, Span span) {
        return texts.get(span.doc()).substring(span.start(), span.end());
    }
}

package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
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
    void findsAllThreeLayersInEveryDiscipline() {
        assertTrue(kb.chains().size() > 100, "chains: " + kb.chains().size());
        assertTrue(kb.statements().stream().filter(s -> s.parent_chain_id() == null).count() > 100);
        assertTrue(kb.concepts().size() > 100, "concepts: " + kb.concepts().size());
        Set<String> disciplines = kb.chains().stream().map(Chain::discipline).collect(Collectors.toSet());
        assertTrue(disciplines.containsAll(Set.of("biology", "computing", "statistics", "economics")), disciplines
                .toString());
    }

    @Test
    void everySpanPointsAtItsSourceText() {
        Map<String, String> texts = new HashMap<>();
        documents.forEach(d -> texts.put(d.path(), d.text()));
        for (Statement s : kb.statements()) {
            String quoted = s.spans().stream().map(span -> slice(texts, span)).collect(Collectors.joining(" "));
            for (Span span : s.spans()) {
                assertTrue(s.source_quote().contains(slice(texts, span)), s.statement_id() + ": " + quoted);
            }
            if (s.parent_chain_id() == null) {
                assertEquals(s.source_quote(), slice(texts, s.spans().get(0)));
                assertTrue(s.source_quote().contains(s.subject()) && s.source_quote().contains(s.object()));
            }
        }
        for (Chain c : kb.chains()) {
            String passage = slice(texts, c.spans().get(0));
            c.steps().forEach(step -> assertTrue(passage.contains(step), c.chain_id()));
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
                assertEquals(c.chain_id(), link.parent_chain_id());
                assertEquals(c.steps().get(i), link.subject());
                assertEquals(c.steps().get(i + 1), link.object());
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
        assertEquals(2, tree.parent_statement_ids().size(), "is-a and requires merge into one concept");
        Statement requires = small.statements().stream().filter(s -> s.predicate().equals("requires")).findFirst()
                .orElseThrow();
        assertEquals("little data preparation", requires.object());
        assertNotNull(small.statementsById().get(requires.statement_id()));
    }

    @Test
    void mergesAliasesAndPluralsAndTakesTheMajorityDiscipline() {
        KnowledgeBase small = Extract.extract(List.of(
                new Corpus.Document("a/trees.txt", "statistics",
                        "Decision Trees (DTs) are a non-parametric supervised learning method.\n\n"
                                + "DTs require little data preparation.\n"),
                new Corpus.Document("b/more.txt", "computing", "A decision tree is a flowchart-like structure.\n"),
                new Corpus.Document("c/more.txt", "statistics", "Decision trees are a popular predictive model.\n")));
        List<Concept> trees = small.concepts().stream().filter(c -> c.term().toLowerCase().startsWith("decision tree")
                || c.aliases().contains("DTs")).toList();
        assertEquals(1, trees.size(), small.concepts().toString());
        Concept tree = trees.get(0);
        assertTrue(tree.aliases().contains("DTs"));
        assertEquals("statistics", tree.discipline());
        assertEquals(4, tree.parent_statement_ids().size(), "three is-a and the requires of its alias");
        Statement isa = small.statements().stream().filter(st -> st.object().equals("a flowchart-like structure"))
                .findFirst().orElseThrow();
        Concept head = small.conceptsById().get(isa.concept_ids().get(1));
        assertEquals("structure", head.term(), "is-a links the head of its object");
    }

    @Test
    void everyStandaloneStatementPredicateIsAShortId() {
        Set<String> known = Set.of("is-a", "defined-as", "part-of", "has-part", "has-property", "used-for", "causes",
                "requires", "measured-in", "enables");
        kb.statements().stream().filter(s -> s.parent_chain_id() == null)
                .forEach(s -> assertTrue(known.contains(s.predicate()), s.predicate()));
        kb.statements().stream().filter(s -> s.parent_chain_id() != null)
                .forEach(s -> assertTrue(Set.of("is-followed-by", "causes").contains(s.predicate()), s.predicate()));
    }

    @Test
    void extractionIsDeterministic() {
        assertEquals(kb, Extract.extract(documents));
    }

    private static String slice(Map<String, String> texts, Span span) {
        return texts.get(span.doc()).substring(span.start(), span.end());
    }
}

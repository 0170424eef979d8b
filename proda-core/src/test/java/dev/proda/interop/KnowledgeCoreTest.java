package dev.proda.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.validate.KbValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCoreTest {
    @TempDir
    Path dir;

    @Test
    void exportThenImportGivesTheSameKnowledgeBase() {
        List<Corpus.Document> corpus = Corpus.read(TestCorpus.copy(dir.resolve("corpus"),
                List.of("statistics", "biology"), 3), "x", Log.SILENT);
        // A valid base (what every teacher's base is once validated) comes back as it was.
        KnowledgeBase kb = KbValidation.check(Extract.extract(corpus)).kb();
        Path file = dir.resolve("knowledge_core.json");
        KnowledgeCore.export(kb, file);
        KnowledgeCore.Imported imported = KnowledgeCore.importFrom(file, corpus);
        assertEquals(List.of(), imported.validation().problems());
        assertEquals(kb, imported.kb());
        assertEquals(Set.of(), imported.ignoredFields());
        assertEquals(0, imported.unlocated());
    }

    @Test
    void referenceStyleFileWithoutSpansIsGroundedInTheCorpus() throws Exception {
        String text = "Photosynthesis is a process used by plants to convert light into chemical energy.\n\n"
                + "Light is absorbed by chlorophyll. The energy splits water. Oxygen is released.\n";
        List<Corpus.Document> corpus = List.of(new Corpus.Document("biology/plants.txt", "biology", text));
        Path file = dir.resolve("knowledge_core.json");
        Files.writeString(file, """
                {"l3_chains": [{"chain_id": "c1", "process_name": "light reactions",
                                "steps": ["Light is absorbed by chlorophyll.", "The energy   splits water."],
                                "difficulty": "easy"}],
                 "l2_statements": [{"statement_id": "s1", "parent_chain_id": null, "subject": "Photosynthesis",
                                    "predicate": "is-a", "object": "a process used by plants",
                                    "source_quote": "photosynthesis is a process used by plants"},
                                   {"statement_id": "s2", "parent_chain_id": "c1",
                                    "subject": "Light is absorbed by chlorophyll.", "predicate": "next-step",
                                    "object": "The energy splits water.", "source_quote": "not in the text at all"}],
                 "l1_concepts": [{"concept_id": "k1", "term": "photosynthesis", "parent_statement_ids": ["s1"]}]}
                """);
        KnowledgeCore.Imported imported = KnowledgeCore.importFrom(file, corpus);
        KnowledgeBase kb = imported.kb();
        assertEquals(Set.of("l3_chains.difficulty"), imported.ignoredFields());
        assertEquals(List.of(), imported.validation().problems());
        Statement s1 = kb.statementsById().get("s1");
        Span span = s1.spans().get(0);
        assertEquals("Photosynthesis is a process used by plants", text.substring(span.start(), span.end()));
        assertEquals(List.of("k1"), s1.concept_ids(), "concept → statement link restored on the statement side");
        assertTrue(kb.statementsById().get("s2").spans().isEmpty(), "an unlocatable quote gets no invented span");
        Chain chain = kb.chainsById().get("c1");
        assertEquals(List.of("s2"), chain.statement_ids(), "statement → chain link restored on the chain side");
        assertEquals(Chain.PROCEDURE, chain.kind(), "the kind its links fit");
        assertEquals(2, chain.spans().size(), "steps located despite re-flowed whitespace");
        assertEquals("biology", chain.discipline());
        Concept concept = kb.conceptsById().get("k1");
        assertEquals("photosynthesis", text.substring(concept.spans().get(0).start(), concept.spans().get(0).end())
                .toLowerCase());
        assertEquals(4, imported.located());
        assertEquals(1, imported.unlocated());
    }

    @Test
    void unreadableNodesAreReportedAndLeftOut() throws Exception {
        Path file = dir.resolve("k.json");
        Files.writeString(file, """
                {"l3_chains": [{"chain_id": "c1", "process_name": "one step", "steps": ["Only this."]}],
                 "l2_statements": [{"predicate": "is-a", "object": "x"},
                                   {"statement_id": "s2", "subject": "lasso", "predicate": "is-a",
                                    "object": "linear model", "spans": "nonsense"},
                                   {"statement_id": "s3", "subject": "ridge", "predicate": "is-a",
                                    "object": "linear model", "confidence": 0.5}],
                 "l1_concepts": [{"concept_id": "k1", "term": "ridge", "parent_statement_ids": ["s3"]}]}
                """);
        KnowledgeCore.Imported imported = KnowledgeCore.importFrom(file, List.of());
        List<String> problems = imported.validation().problems().stream().map(Object::toString).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("dropped chain c1: cannot be read: chain c1 needs at least two steps"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("dropped statement l2_statements[0]: cannot be read: no subject"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("dropped statement s2: cannot be read: bad spans"), problems.get(2));
        assertEquals(List.of("s3"), imported.kb().statements().stream().map(Statement::statement_id).toList());
        assertEquals(0.5, imported.kb().statements().get(0).confidence());
        assertEquals(new KbValidation.Counts(1, 3, 1), imported.validation().checked());
    }

    @Test
    void malformedFilesAreClearErrors() throws Exception {
        Path file = dir.resolve("k.json");
        Files.writeString(file, "{\"l2_statements\": [1]}");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("must be an object"));
        Files.writeString(file, "[1, 2]");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("l3_chains"));
        Files.writeString(file, "{\"l3_chains\": [");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("not valid JSON"));
    }
}

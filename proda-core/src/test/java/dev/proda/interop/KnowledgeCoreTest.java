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
        KnowledgeBase kb = Extract.extract(corpus);
        Path file = dir.resolve("knowledge_core.json");
        KnowledgeCore.export(kb, file);
        KnowledgeCore.Imported imported = KnowledgeCore.importFrom(file, corpus);
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
                                   {"statement_id": "s2", "parent_chain_id": "c1", "subject": "light",
                                    "predicate": "causes", "object": "water splitting",
                                    "source_quote": "not in the text at all"}],
                 "l1_concepts": [{"concept_id": "k1", "term": "photosynthesis", "parent_statement_ids": ["s1"]}]}
                """);
        KnowledgeCore.Imported imported = KnowledgeCore.importFrom(file, corpus);
        KnowledgeBase kb = imported.kb();
        assertEquals(Set.of("l3_chains.difficulty"), imported.ignoredFields());
        Statement s1 = kb.statementsById().get("s1");
        Span span = s1.spans().get(0);
        assertEquals("Photosynthesis is a process used by plants", text.substring(span.start(), span.end()));
        assertEquals(List.of("k1"), s1.concept_ids(), "concept → statement link restored on the statement side");
        assertTrue(kb.statementsById().get("s2").spans().isEmpty(), "an unlocatable quote gets no invented span");
        Chain chain = kb.chainsById().get("c1");
        assertEquals(List.of("s2"), chain.statement_ids(), "statement → chain link restored on the chain side");
        assertEquals(2, chain.spans().size(), "steps located despite re-flowed whitespace");
        assertEquals("biology", chain.discipline());
        Concept concept = kb.conceptsById().get("k1");
        assertEquals("photosynthesis", text.substring(concept.spans().get(0).start(), concept.spans().get(0).end())
                .toLowerCase());
        assertEquals(4, imported.located());
        assertEquals(1, imported.unlocated());
    }

    @Test
    void malformedFilesAreClearErrors() throws Exception {
        Path file = dir.resolve("k.json");
        Files.writeString(file, "{\"l2_statements\": [{\"predicate\": \"is-a\", \"object\": \"x\"}]}");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("no subject"));
        Files.writeString(file, "[1, 2]");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("l3_chains"));
        Files.writeString(file, "{\"l3_chains\": [");
        assertTrue(assertThrows(ProdaFileException.class, () -> KnowledgeCore.importFrom(file, List.of()))
                .getMessage().contains("not valid JSON"));
    }
}

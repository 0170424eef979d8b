package dev.proda.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proda.io.Json;
import dev.proda.project.Log;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prose bench end to end with the real extractor, on the fixture corpus of {@link ProseScoresTest}. */
class ProseBenchTest {
    private static final Path FIXTURE = ProseScoresTest.FIXTURE;

    private static ProseBench.Inputs inputs() {
        return ProseBench.Inputs.load(FIXTURE.resolve("prose-gold"), FIXTURE.resolve("corpus"),
                FIXTURE.resolve("heldout/corpus"), FIXTURE.resolve("glossaries"), Log.into(new ArrayList<>()));
    }

    private static List<String> run(WordNetGold wordNet, ProseBench.Inputs inputs) {
        StringWriter out = new StringWriter();
        ExtractionBench.run(wordNet, wordNet == null ? null
                : ExtractionBench.render(wordNet.synsets()).documents(), inputs, new PrintWriter(out));
        return out.toString().lines().toList();
    }

    private static Map<String, Object> json(String line) throws Exception {
        return Json.MAPPER.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static int count(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).intValue();
    }

    @Test
    void scoresTheRealExtractorOnTheFixture() throws Exception {
        List<String> lines = run(null, inputs());
        Map<String, Object> f = json(lines.get(lines.size() - 1));
        assertEquals(List.of("statement_precision", "statement_recall", "statements", "chain_precision",
                "chains_checkable", "chains", "procedure_recall", "concept_precision_prose", "glossary_concept_recall",
                "glossary_definition_recall"), new ArrayList<>(f.keySet()).subList(0, 10));
        // what the gold holds does not depend on the extractor
        assertEquals(7, count(f, "gold_sentences"));
        assertEquals(6, count(f, "gold_statements"));
        assertEquals(1, count(f, "gold_procedures"));
        assertEquals(3, count(f, "glossary_terms"));
        assertEquals(3, count(f, "glossary_terms_in_corpus"));
        assertEquals(1, count(f, "heldout_gold_sentences"));
        assertEquals(1, count(f, "heldout_gold_statements"));
        // "A decision tree is a non-parametric supervised learning method." gives any extractor something to score
        assertTrue(count(f, "statements_in_gold") > 0, f.toString());
        assertTrue(count(f, "concept_mentions") > 0, f.toString());
        assertTrue(count(f, "statements_in_gold") <= count(f, "statements"));
        assertTrue(count(f, "statements_correct") <= count(f, "statements_in_gold"));
        assertTrue(count(f, "chains_checkable") <= count(f, "chains"));
        assertEquals((double) count(f, "statements_correct") / count(f, "statements_in_gold"),
                ((Number) f.get("statement_precision")).doubleValue(), 1e-4);
        String summary = String.join("\n", lines);
        assertTrue(summary.contains("checkable " + count(f, "chains_checkable") + " of " + count(f, "chains")
                + " chains"), summary);
        assertTrue(summary.contains("set held-out"), summary);
    }

    @Test
    void wordNetFiguresComeFirst() throws Exception {
        List<String> lines = run(WordNetGold.bundled().first(20), inputs());
        List<String> keys = new ArrayList<>(json(lines.get(lines.size() - 1)).keySet());
        assertEquals(List.of("concept_precision", "concept_recall", "isa_precision", "isa_recall", "tokens_per_s"),
                keys.subList(0, 5));
        assertTrue(keys.indexOf("synsets") < keys.indexOf("statement_precision"), keys.toString());
    }
}

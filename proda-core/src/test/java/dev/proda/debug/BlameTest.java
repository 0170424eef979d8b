package dev.proda.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.tester.TestTools;
import dev.proda.tester.Tests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlameTest {
    @TempDir
    Path dir;

    @Test
    void anItemsTraceShowsItsLatestResultDiagnosisAndEveryNodeWithItsSourceText() {
        ProjectLayout layout = TestCorpus.project(dir.resolve("p"), "statistics", "economics");
        KnowledgeBase kb = Extract.run(layout, ProdaConfig.defaults("t"), Log.SILENT, false);
        Tests.Benchmark benchmark = Tests.run(layout, ProdaConfig.defaults("t"), TestTools.tools(), Log.SILENT, false);
        TestItem item = benchmark.dev().stream().filter(i -> !i.statement_ids().isEmpty()).findFirst().orElseThrow();

        String before = Blame.render(layout, item.id().substring(0, 8));
        assertTrue(before.startsWith("item " + item.id() + " (dev, "), before);
        assertFalse(before.contains(" chose "), "no result yet: " + before);
        Statement statement = kb.statementsById().get(item.statement_ids().get(0));
        assertTrue(before.contains("    at statement " + statement.statement_id()), before);
        String quoteStart = statement.source_quote().substring(0, Math.min(30, statement.source_quote().length()));
        assertTrue(before.contains(quoteStart.strip()), "the frame quotes its source: " + before);

        // results of V1 and of V23 (past the 20 versions it used to look at): the latest counts
        String wrong = item.letters().stream().filter(l -> !item.answer().contains(l)).findFirst().orElseThrow();
        Jsonl.write(layout.results("V1"), List.of(result(item, item.answer(), true)));
        Jsonl.write(layout.results("V23"), List.of(result(item, wrong, false)));
        Jsonl.write(layout.failures(22), List.of(new Failure(item.id(), wrong, Map.of(), item.statement_ids(),
                "concept_gap", item.statement_ids(), Map.of(item.statement_ids().get(0), false))));
        String after = Blame.render(layout, item.id());
        assertTrue(after.contains("V23 chose " + wrong + " (wrong)"), after);
        assertTrue(after.contains("diagnosis: concept_gap at " + item.statement_ids()), after);

        assertTrue(assertThrows(ProdaFileException.class, () -> Blame.render(layout, "i-zzz")).getMessage()
                .contains("no item i-zzz in tests/"));
        assertTrue(assertThrows(ProdaFileException.class, () -> Blame.render(layout, "i-")).getMessage()
                .contains("is ambiguous"));
    }

    private static ItemResult result(TestItem item, String chosen, boolean correct) {
        return new ItemResult(item.id(), item.split(), chosen, item.answer(), correct, chosen, correct,
                Map.of(chosen, -1.0), item.discipline());
    }

    @Test
    void itemsOfAnEmptyBenchmarkAreNotFound() {
        ProjectLayout layout = new ProjectLayout(dir.resolve("empty"));
        Jsonl.write(layout.split("dev"), List.of());
        Jsonl.write(layout.split("test"), List.of());
        Jsonl.write(layout.split("general"), List.of());
        assertEquals("no item i-1 in tests/", assertThrows(ProdaFileException.class,
                () -> Blame.render(layout, "i-1")).getMessage());
    }
}

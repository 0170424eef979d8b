package dev.proda.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.build.Build;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Message;
import dev.proda.model.Sample;
import dev.proda.model.TestItem;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestsTest {
    @TempDir
    Path dir;

    @Test
    void unchangedStagesAreSkippedAndRunAgainWhenAnInputChangesOrForced() throws Exception {
        ProjectLayout layout = TestCorpus.project(dir, "statistics", "economics");
        java.nio.file.Files.writeString(layout.config(), "name: t\n");
        ProdaConfig config = ProdaConfig.read(layout.config());
        List<String> lines = new java.util.ArrayList<>();
        Log log = Log.into(lines);
        Extract.run(layout, config, log, false);
        List<Sample> built = Build.run(layout, config, log, false);
        Tests.Benchmark benchmark = Tests.run(layout, config, TestTools.tools(), log, false);
        assertTrue(lines.stream().noneMatch(l -> l.contains("up to date")), lines.toString());

        lines.clear();
        Extract.run(layout, config, log, false);
        assertEquals(built, Build.run(layout, config, log, false));
        assertEquals(benchmark, Tests.run(layout, config, TestTools.tools(), log, false));
        assertEquals(3, lines.stream().filter(l -> l.contains("up to date")).count(), lines.toString());

        lines.clear();
        Build.run(layout, config, log, true);
        assertTrue(lines.stream().noneMatch(l -> l.contains("up to date")), "forced: " + lines);

        lines.clear();
        java.nio.file.Files.writeString(layout.config(), "name: t\nseed: 7\n");
        config = ProdaConfig.read(layout.config());
        Extract.run(layout, config, log, false);
        Build.run(layout, config, log, false);
        assertTrue(lines.stream().noneMatch(l -> l.contains("up to date")), "proda.yaml changed: " + lines);
    }

    @Test
    void itemsAreWellFormedTwinnedAndCoveredBySamples() throws Exception {
        ProjectLayout layout = TestCorpus.project(dir, "statistics", "economics", "biology");
        ProdaConfig config = ProdaConfig.defaults("t");
        KnowledgeBase kb = Extract.run(layout, config, Log.SILENT, false);
        List<Sample> samples = Build.run(layout, config, Log.SILENT, false);
        Tests.Benchmark benchmark = Tests.run(layout, config, TestTools.tools(), Log.SILENT, false);

        assertFalse(benchmark.dev().isEmpty());
        assertFalse(benchmark.test().isEmpty());
        assertFalse(benchmark.general().isEmpty());
        Set<String> ids = benchmark.all().stream().map(TestItem::id).collect(Collectors.toSet());
        for (TestItem item : benchmark.dev()) {
            assertTrue(ids.contains(item.twin_id()), "a dev item's twin is in the benchmark: " + item.id());
        }
        var report = dev.proda.io.Json.MAPPER.readTree(layout.tests().resolve("report.json").toFile());
        assertTrue(report.get("passed").asBoolean());
        assertEquals(benchmark.dev().size(), report.get("by_split").get("dev").asInt());
        assertEquals(7, report.get("baselines").size());

        Set<String> trained = new HashSet<>();
        samples.forEach(s -> trained.addAll(s.knowledge()));
        Set<String> kbIds = new HashSet<>();
        kb.statements().forEach(s -> kbIds.add(s.statement_id()));
        for (TestItem item : benchmark.all()) {
            assertEquals(4, item.options().size(), item.id());
            assertEquals(4, new HashSet<>(item.options().values()).size(), "options must differ: " + item.id());
            assertEquals(3, item.distractor_kinds().size());
            assertEquals(1, item.answer().length());
            if (!item.split().equals("general")) {
                assertTrue(kbIds.containsAll(item.statement_ids()));
                assertTrue(trained.containsAll(item.statement_ids()),
                        "every statement an item tests is covered by a training sample: " + item.id());
            }
        }
        // Training samples never contain an item's question.
        Set<String> questions = benchmark.all().stream().map(TestItem::question).collect(Collectors.toSet());
        for (Sample sample : samples) {
            for (Message m : sample.messages()) {
                assertFalse(questions.contains(m.content()));
            }
        }
        // Answers are spread over the letters, not always the same position.
        Set<String> letters = benchmark.all().stream().map(TestItem::answer).collect(Collectors.toSet());
        assertEquals(Set.of("A", "B", "C", "D"), letters);
        assertEquals(Curriculum.select(kb, config.budgets(), config.seed()), Curriculum.select(kb, config.budgets(),
                config.seed()));
    }

    @Test
    void theStageWritesAReportAndReadsItsOwnOutputBackWhenNothingChanged() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        TestKb.standard().write(layout);
        TestCorpus.copy(layout.corpus(), List.of("statistics"), 1);
        TestCorpus.general(layout.general(), 3000);
        java.nio.file.Files.writeString(layout.config(), "name: t\n");
        ProdaConfig config = ProdaConfig.read(layout.config());
        List<String> lines = new java.util.ArrayList<>();
        Tests.Benchmark first = Tests.run(layout, config, TestTools.tools(), Log.into(lines), false);
        assertTrue(lines.get(lines.size() - 1).contains("no option-only baseline above chance"),
                lines.toString());
        var report = dev.proda.io.Json.MAPPER.readTree(layout.tests().resolve("report.json").toFile());
        assertTrue(report.get("passed").asBoolean());
        assertTrue(report.get("by_form").has("composition") && report.get("by_form").has("order"));
        assertEquals(first, Tests.run(layout, config, TestTools.tools(), Log.into(lines), false));
        assertTrue(lines.get(lines.size() - 1).contains("up to date"), lines.toString());
    }

    @Test
    void generalItemsComeFromHeldOutLinesOnly() {
        var general = dev.proda.project.GeneralText.read(TestCorpus.general(dir.resolve("g"), 5000), Log.SILENT);
        List<TestItem> items = GeneralItems.from(general.heldOut(), 20, new Fit(TestTools.WORDS, 64), 1);
        assertFalse(items.isEmpty());
        Set<String> pretraining = new HashSet<>(general.pretraining());
        for (TestItem item : items) {
            String correct = item.options().get(item.answer());
            assertTrue(general.heldOut().stream().anyMatch(l -> l.endsWith(correct)));
            assertTrue(pretraining.stream().noneMatch(l -> l.endsWith(correct) && item.question().contains(
                    l.substring(0, Math.min(20, l.length())))));
        }
        assertTrue(general.heldOut().size() > 0 && general.heldOut().size() < general.pretraining().size() / 10);
    }
}

package dev.proda.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.build.Build;
import dev.proda.extract.Curriculum;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Message;
import dev.proda.model.Sample;
import dev.proda.model.TestItem;
import dev.proda.project.Corpus;
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
        Tests.Benchmark benchmark = Tests.run(layout, config, log, false);
        assertTrue(lines.stream().noneMatch(l -> l.contains("up to date")), lines.toString());

        lines.clear();
        Extract.run(layout, config, log, false);
        assertEquals(built, Build.run(layout, config, log, false));
        assertEquals(benchmark, Tests.run(layout, config, log, false));
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
    void itemsAreWellFormedSplitByChainAndCoveredBySamples() {
        ProjectLayout layout = TestCorpus.project(dir, "statistics", "economics", "biology");
        ProdaConfig config = ProdaConfig.defaults("t");
        KnowledgeBase kb = Extract.run(layout, config, Log.SILENT, false);
        List<Sample> samples = Build.run(layout, config, Log.SILENT, false);
        Tests.Benchmark benchmark = Tests.run(layout, config, Log.SILENT, false);

        assertFalse(benchmark.dev().isEmpty());
        assertFalse(benchmark.test().isEmpty());
        assertFalse(benchmark.general().isEmpty());
        Set<String> devChains = benchmark.dev().stream().map(TestItem::chain_id).collect(Collectors.toSet());
        Set<String> testChains = benchmark.test().stream().map(TestItem::chain_id).collect(Collectors.toSet());
        devChains.retainAll(testChains);
        assertEquals(Set.of(), devChains, "no chain may have items in both dev and test");

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
    void generalItemsComeFromHeldOutLinesOnly() {
        var general = dev.proda.project.GeneralText.read(TestCorpus.general(dir.resolve("g"), 5000), Log.SILENT);
        List<TestItem> items = GeneralItems.from(general.heldOut(), 20, 1);
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

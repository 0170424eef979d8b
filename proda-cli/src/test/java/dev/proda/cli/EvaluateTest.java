package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.evaluate.Evaluate;
import dev.proda.evaluate.VersionScores;
import dev.proda.model.ItemResult;
import dev.proda.model.TestItem;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import dev.proda.student.djl.DjlStudentEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluate on a real tiny student: more items than one scoring call holds, each result the argmax of its own
 * options' scores (summed, and per character for acc_norm), and the summary counting exactly those results.
 */
class EvaluateTest {
    @TempDir
    Path dir;

    @Test
    void eachItemIsAnsweredByItsOwnOptionsAndTheSummaryCountsThem() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        List<String> lines = Files.readAllLines(loop.tinyInputs()[1].resolve("general.txt")).subList(0, 400);
        DjlStudentEngine engine = new DjlStudentEngine(1);
        engine.pretrain(lines, lines, new PretrainConfig(1, 32, 2, 48, 600, 2, 4_000, 8, 3e-3, 7, 1),
                dir.resolve("m"), ProgressListener.NONE);
        // 70 items, more than one scoring call of 64: the second call's items must keep their own options.
        // Options differ in length, so the summed and the per-character argmax can differ.
        List<TestItem> items = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String split = i % 2 == 0 ? "dev" : "test";
            String[] words = {"water", "stone", "light", "music", "river", "paper", "glass"};
            Map<String, String> options = Map.of("A", "a plant of " + words[i % 7], "B", "an animal of the sea",
                    "C", "a tool for " + words[(i + 3) % 7] + " and " + words[(i + 5) % 7],
                    "D", "a small stone " + "x".repeat(i % 7));
            items.add(new TestItem("i" + i, split, "Item " + i + " is a kind of ___.", options,
                    List.of("A", "B", "C", "D").get(i % 4), "s" + i, List.of("s" + i), List.of(),
                    i % 3 == 0 ? "biology" : "physics", List.of(), "completion", "s" + i, null, false));
        }
        List<ItemResult> results;
        try (StudentModel model = engine.load(dir.resolve("m"))) {
            results = Evaluate.answer(model, items);
            // across the boundary of two scoring calls, an item scored together with the others scores as alone
            for (int i = 62; i < 70; i++) {
                Map<String, Double> alone = Evaluate.answer(model, List.of(items.get(i))).get(0).scores();
                for (String letter : List.of("A", "B", "C", "D")) {
                    assertEquals(alone.get(letter), results.get(i).scores().get(letter), 1e-3, "item " + i + letter);
                }
            }
        }
        assertEquals(items.size(), results.size());
        int devCorrect = 0;
        int devCorrectNorm = 0;
        for (int i = 0; i < items.size(); i++) {
            TestItem item = items.get(i);
            ItemResult result = results.get(i);
            assertEquals(item.id(), result.item(), "results in item order");
            String best = result.scores().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                    .getKey();
            assertEquals(best, result.chosen(), "the pick is the highest summed log-likelihood");
            assertEquals(item.answer().equals(result.chosen()), result.correct());
            String bestNorm = result.scores().entrySet().stream().max(Comparator.comparingDouble(
                    e -> e.getValue() / item.options().get(e.getKey()).length())).orElseThrow().getKey();
            assertEquals(bestNorm, result.chosen_norm(), "acc_norm picks the highest log-likelihood per character");
            assertTrue(result.scores().values().stream().allMatch(s -> s < 0), "log-likelihoods of real text");
            if (item.split().equals("dev")) {
                devCorrect += result.correct() ? 1 : 0;
                devCorrectNorm += result.correct_norm() ? 1 : 0;
            }
        }
        assertTrue(results.get(0).scores().values().stream().distinct().count() > 1,
                "the scores depend on the options");

        VersionScores scores = Evaluate.summarise("Vx", items, results);
        assertEquals(35, scores.dev().n());
        assertEquals(devCorrect, scores.dev().correct());
        assertEquals(Math.round(10000.0 * devCorrect / 35) / 10000.0, scores.dev().accuracy(), 1e-9);
        assertEquals(Math.round(10000.0 * devCorrectNorm / 35) / 10000.0, scores.dev().accuracy_norm(), 1e-9);
        assertEquals(0.25, scores.dev().chance(), 1e-9, "four options each");
        assertEquals(35, scores.test().n());
        int biologyDev = (int) items.stream()
                .filter(i -> i.split().equals("dev") && i.discipline().equals("biology")).count();
        assertEquals(biologyDev, scores.disciplines().get("dev").get("biology").n());
    }
}

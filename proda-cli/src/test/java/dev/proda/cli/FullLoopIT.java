package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.TestItem;
import dev.proda.tester.FormExemplars;
import dev.proda.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop through the real CLI and the real PyTorch engine, on a slice of the bundled corpus with
 * a tiny model: init → cycle --rounds 1 → blame.
 */
@Tag("heavy") // minutes: only under -Pheavy (README, "Two commands")
class FullLoopIT {
    static final Path EXAMPLE = Path.of("..", "examples", "textbooks").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /**
     * Tiny settings: one layer, a few steps; the loop's wiring is under test, not the model. The Tester
     * asks about statements four at a time (same discipline and relation), so it needs a few dozen.
     */
    static final String TINY = """
            name: tiny
            seed: 7
            student:
              layers: 1
              width: 32
              heads: 2
              context: 48
              max_vocabulary: 1500
              min_word_count: 2
              pretrain_tokens: 30000
              batch_size: 8
              finetune_epochs: 2
              finetune_max_epochs: 3
              general_replay: 0.2
              repair_epochs: 1
              threads: 2
            budgets:
              chains: 12
              statements: 40
              general_items: 10
            """;

    /** Two documents from each of three disciplines, and 4,000 lines of general text. */
    Path[] tinyInputs() throws IOException {
        Path corpus = dir.resolve("corpus-in");
        for (String discipline : List.of("statistics", "computing", "economics")) {
            try (var files = Files.list(EXAMPLE.resolve("corpus").resolve(discipline))) {
                for (Path file : files.sorted().limit(2).toList()) {
                    Files.createDirectories(corpus.resolve(discipline));
                    Files.copy(file, corpus.resolve(discipline).resolve(file.getFileName().toString()));
                }
            }
        }
        Path general = Files.createDirectories(dir.resolve("general-in"));
        try (var lines = Files.lines(EXAMPLE.resolve("general/wordnet-glosses.txt"))) {
            Files.write(general.resolve("general.txt"), lines.limit(4000).toList());
        }
        return new Path[] {corpus, general};
    }

    @Test
    void seedSweepRunsACyclePerSeedAndPairsTheVersions() throws IOException {
        Path[] inputs = tinyInputs();
        Path config = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path sweep = dir.resolve("sweep");
        CliTest.Run run = CliTest.run("bench", "cycle", sweep.toString(), "--seeds", "3,4", "--config", config.toString(),
                "--corpus", inputs[0].toString(), "--general", inputs[1].toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        List<String> lines = run.out().strip().lines().toList();
        JsonNode line = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertEquals(List.of(3, 4), List.of(line.get("seeds").get(0).asInt(), line.get("seeds").get(1).asInt()));
        double[] v2 = new double[2];
        double[] untargeted = new double[2];
        for (int i = 0; i < 2; i++) {
            ProjectLayout layout = new ProjectLayout(sweep.resolve("seed-" + (3 + i)));
            assertEquals(3 + i, dev.proda.project.ProdaConfig.read(layout.config()).seed());
            JsonNode report = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
            for (JsonNode version : report.get("versions")) {
                if (version.get("name").asText().equals("V2")) {
                    v2[i] = version.get("test").get("accuracy").asDouble();
                } else if (version.get("name").asText().equals("V2-untargeted")) {
                    untargeted[i] = version.get("test").get("accuracy").asDouble();
                }
            }
        }
        // The summary is computed from the seeds' own reports, under the protocol's names.
        assertEquals((v2[0] + v2[1]) / 2, line.get("test_V2").asDouble(), 1e-4);
        assertEquals((v2[0] - untargeted[0] + v2[1] - untargeted[1]) / 2,
                line.get("paired_V2-untargeted_1x").asDouble(), 1e-4);
        JsonNode summary = Json.MAPPER.readTree(sweep.resolve("sweep.json").toFile());
        assertEquals("small", summary.get("size").asText());
        for (String version : List.of("V0", "V1", "V2", "V3", "no_new_samples", "untargeted_1x", "untargeted_4x")) {
            assertTrue(summary.get("test").has(version), version);
        }
        for (String pair : List.of("V2-V1", "V2-untargeted_1x", "V2-untargeted_4x", "V3-V2")) {
            assertTrue(summary.get("paired").get(pair).has("wins"), pair);
        }
        assertTrue(summary.get("repair_rate").has("untargeted_1x"));
        assertTrue(summary.get("general_bits_per_token").get("V3").get("mean").asDouble() > 0,
                "bits per token on held-out general text for every version, V3 included (two rounds by default)");
        assertTrue(Files.readString(sweep.resolve("sweep.md")).contains("| paired difference |"));
    }

    @Test
    void cycleRunsEndToEndAndReportsEveryVersion() throws IOException {
        Path[] inputs = tinyInputs();
        Path project = dir.resolve("tiny");
        CliTest.Run init = CliTest.run("init", project.toString(), "--corpus", inputs[0].toString(), "--general",
                inputs[1].toString());
        assertEquals(0, init.exit(), init.err());
        Files.writeString(project.resolve("proda.yaml"), TINY);

        CliTest.Run cycle = CliTest.run("cycle", project.toString(), "--rounds", "1");
        assertEquals(0, cycle.exit(), cycle.err() + cycle.out());
        assertTrue((cycle.out() + cycle.err()).contains("general-text lines replayed beside the samples"),
                "general_replay mixes general text into every fine-tuning");

        ProjectLayout layout = new ProjectLayout(project);
        JsonNode report = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
        List<String> names = Json.MAPPER.convertValue(report.get("versions").findValues("name"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals(List.of("V0", "V1", "V2", "V2-no-new-samples", "V2-untargeted", "V2-untargeted-4x"), names);
        // The repair rate is scored on one subset, the test twins of V1's failed dev items, for every version.
        List<String> focused = Json.MAPPER.convertValue(report.get("focus").findValues("version"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals(names, focused);
        java.util.Set<Integer> twinCounts = new java.util.HashSet<>();
        report.get("focus").forEach(f -> twinCounts.add(f.get("repair").get("n").asInt()));
        assertEquals(1, twinCounts.size(), "the same twins for every version: " + twinCounts);
        for (JsonNode version : report.get("versions")) {
            for (String split : List.of("dev", "test", "general")) {
                JsonNode score = version.get(split);
                assertTrue(score.get("n").asInt() > 0, split);
                double accuracy = score.get("accuracy").asDouble();
                assertEquals(score.get("correct").asInt() / (double) score.get("n").asInt(), accuracy, 1e-4,
                        "the accuracy is its counts' ratio");
                assertEquals(0.25, score.get("chance").asDouble(), 1e-9);
            }
        }
        // Every version's test items split in two by whether they share a node with a round-1 patch target.
        JsonNode transfer = report.get("transfer");
        assertEquals(names.size(), transfer.size());
        for (int v = 0; v < names.size(); v++) {
            JsonNode row = transfer.get(v);
            assertEquals(names.get(v), row.get("version").asText());
            assertEquals(report.get("versions").get(v).get("test").get("n").asInt(),
                    row.get("touching").get("n").asInt() + row.get("other").get("n").asInt());
            assertEquals(report.get("versions").get(v).get("test").get("correct").asInt(),
                    row.get("touching").get("correct").asInt() + row.get("other").get("correct").asInt());
        }
        JsonNode counts = report.get("counts");
        for (String key : List.of("concepts", "statements", "chains", "samples", "items", "failures", "patches")) {
            assertTrue(counts.has(key), key);
        }
        assertTrue(counts.get("samples").asInt() > 0 && counts.get("items").asInt() > 0);
        assertTrue(report.get("seconds").has("compile V0"));
        // V1 learned something of the corpus: on the benchmark's dev and test items together (the same nodes its
        // Builder samples teach, in other words), it answers more items right than V0, the general-text base.
        int[] correct = new int[2];
        for (int v = 0; v < 2; v++) {
            JsonNode version = report.get("versions").get(v);
            assertEquals("V" + v, version.get("name").asText());
            correct[v] = version.get("dev").get("correct").asInt() + version.get("test").get("correct").asInt();
        }
        String figures = "dev + test items right: V0 " + correct[0] + ", V1 " + correct[1] + " of "
                + (report.get("versions").get(0).get("dev").get("n").asInt()
                        + report.get("versions").get(0).get("test").get("n").asInt());
        System.out.println("FullLoopIT: " + figures);
        assertTrue(correct[1] > correct[0], "V1 beats V0: " + figures);
        assertTrue(Files.readString(layout.reports().resolve("cycle.md")).contains("| V2 |"));
        // V1 trains past its 2 planned epochs towards the loss criterion (a tiny model does not reach it in 3)
        // and leaves its learning curve; every version its bits per token on held-out general text.
        JsonNode curve = Json.MAPPER.readTree(layout.reports().resolve("learning-curve-V1.json").toFile());
        assertEquals(3, curve.get("epochs").asInt());
        assertTrue(curve.get("points").size() > 1);
        // Training works: the loss of the last steps is below that of the first (broken gradients, a zero learning
        // rate or a data bug would leave it flat).
        JsonNode points = curve.get("points");
        int quarter = Math.max(1, points.size() / 4);
        double first = 0;
        double last = 0;
        for (int p = 0; p < quarter; p++) {
            first += points.get(p).get("loss").asDouble() / quarter;
            last += points.get(points.size() - 1 - p).get("loss").asDouble() / quarter;
        }
        assertTrue(last < first, "V1's training loss falls: first steps " + first + ", last steps " + last);
        double answerLoss = curve.get("final_loss").asDouble();
        assertTrue(answerLoss > 0, "the samples' answer loss, scored after training (replayed lines left out)");
        assertEquals(answerLoss <= 0.25, curve.get("criterion_met").asBoolean());
        assertTrue(report.get("versions").get(1).get("trained").asText().contains("3 epochs"),
                report.get("versions").get(1).get("trained").asText());
        for (JsonNode version : report.get("versions")) {
            assertTrue(version.get("general_bits_per_token").asDouble() > 0, version.get("name").asText());
        }
        assertEquals(1, report.get("rounds").size());
        assertEquals("V2", report.get("rounds").get(0).get("to").asText());

        // Every stage left its hashes in proda.lock.
        var lock = dev.proda.project.Lock.read(layout);
        for (String stage : List.of("extract", "build", "tests", "compile V0", "compile V1", "test V1", "debug round 1",
                "repair round 1", "compile V2", "test V2")) {
            assertTrue(lock.containsKey(stage), stage + " in " + lock.keySet());
            assertFalse(lock.get(stage).outputs().isEmpty(), stage);
        }

        // Failures come from dev only, and match V1's wrong dev answers one to one.
        List<TestItem> dev = Jsonl.read(layout.split("dev"), TestItem.class);
        Set<String> devIds = dev.stream().map(TestItem::id).collect(Collectors.toSet());
        java.util.Map<String, TestItem> devItems = dev.stream().collect(Collectors.toMap(TestItem::id, i -> i));
        Set<String> wrongDev = Jsonl.read(layout.results("V1"), ItemResult.class).stream()
                .filter(r -> r.split().equals("dev") && !r.correct()).map(ItemResult::item).collect(Collectors.toSet());
        List<Failure> failures = Jsonl.read(layout.failures(1), Failure.class);
        assertEquals(wrongDev, failures.stream().map(Failure::item).collect(Collectors.toSet()));
        assertEquals(counts.get("failures").asInt(), failures.size());
        for (Failure failure : failures) {
            assertTrue(devIds.contains(failure.item()));
            assertFalse(failure.responsible().isEmpty());
            assertEquals(failure.item(), failure.trace().get(0));
            // A failed node probe makes a concept gap at exactly the failed nodes; otherwise a form most of
            // whose dev items fail is a capability deficit, and anything else a chain break.
            List<String> failedProbes = failure.probes().entrySet().stream().filter(e -> !e.getValue())
                    .map(java.util.Map.Entry::getKey).sorted().toList();
            if (failedProbes.isEmpty()) {
                assertEquals(1, failure.responsible().size());
                String form = devItems.get(failure.item()).form();
                long formItems = devItems.values().stream().filter(i -> i.form().equals(form)).count();
                long formFailed = failures.stream().filter(f -> devItems.get(f.item()).form().equals(form)).count();
                if (failure.kind().equals("capability_deficit")) {
                    assertTrue(failure.responsible().get(0).startsWith("form:" + form), failure.responsible().toString());
                    if (failure.responsible().get(0).equals("form:" + form)) {
                        assertTrue(2 * formFailed > formItems && formItems >= 6, form + ": " + formFailed + "/" + formItems);
                    }
                } else {
                    assertEquals("chain_break", failure.kind());
                    assertFalse(2 * formFailed > formItems && formItems >= 6
                            && FormExemplars.writable(form), "a deficit form left a chain break");
                }
            } else {
                assertEquals("concept_gap", failure.kind());
                // the failed probes' nodes, and before them the item's own statement when its probe passed
                // (Debug.withItemNode: a patch reaches only the nodes it names)
                List<String> responsible = failure.responsible();
                assertTrue(responsible.containsAll(failedProbes), responsible + " names " + failedProbes);
                List<String> besides = responsible.stream().filter(n -> !failedProbes.contains(n)).toList();
                assertTrue(besides.isEmpty() || besides.equals(List.of(devItems.get(failure.item()).node()))
                        && responsible.get(0).equals(besides.get(0)), failure.item() + ": " + responsible);
            }
        }

        // The debug summary counts the same failures, and every dev item once per form.
        JsonNode summary = Json.MAPPER.readTree(layout.reports().resolve("debug-round-1.json").toFile());
        assertEquals(failures.size(), summary.get("failures").asInt());
        int perForm = 0;
        for (JsonNode share : summary.get("by_form")) {
            perForm += share.get("items").asInt();
        }
        assertEquals(dev.size(), perForm);

        // Patches never repeat a benchmark question.
        List<Patch> patches = Jsonl.read(layout.patchRound(1).resolve("patches.jsonl"), Patch.class);
        assertEquals(counts.get("patches").asInt(), patches.size());
        Set<String> questions = Jsonl.read(layout.split("test"), TestItem.class).stream().map(TestItem::question)
                .collect(Collectors.toSet());
        dev.forEach(i -> questions.add(i.question()));
        for (Patch patch : patches) {
            assertFalse(patch.grounding().isEmpty());
            for (var sample : patch.samples()) {
                assertEquals("patch", sample.origin());
                for (Message m : sample.messages()) {
                    assertTrue(questions.stream().noneMatch(q -> m.content().contains(q)));
                }
            }
        }

        if (!failures.isEmpty()) {
            CliTest.Run blame = CliTest.run("blame", "-C", project.toString(), failures.get(0).item());
            assertEquals(0, blame.exit(), blame.err());
            assertTrue(blame.out().contains("diagnosis: "), blame.out());
            assertTrue(blame.out().contains("at statement "), blame.out());
            assertTrue(blame.out().contains("«"), "source text is shown: " + blame.out());
        }

        // A second cycle on the unchanged project redoes no work: the cheap stages are skipped by proda.lock,
        // every model is reused from its content-addressed cache, and the figures are the same.
        CliTest.Run again = CliTest.run("cycle", project.toString(), "--rounds", "1");
        assertEquals(0, again.exit(), again.err() + again.out());
        for (String stage : List.of("extract", "build", "tests")) {
            assertTrue(again.out().contains(stage + ": up to date"), stage + ": " + again.out());
        }
        for (String version : List.of("V1", "V2", "V2-no-new-samples", "V2-untargeted")) {
            assertTrue(again.out().contains("compile " + version + ": same base, samples and settings"), version);
        }
        JsonNode second = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
        assertEquals(report.get("versions"), second.get("versions"));
        assertEquals(report.get("counts"), second.get("counts"));
    }
}

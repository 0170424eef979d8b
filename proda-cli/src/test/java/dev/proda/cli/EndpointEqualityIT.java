package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.project.ProjectLayout;
import dev.proda.serve.OpenAiServer;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import dev.proda.student.djl.DjlStudentEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test} and {@code debug} on a model reached through {@code proda serve} and the endpoint student write the
 * same results and failures as on the same model in process: same chosen letters and verdicts, option scores within
 * 1e-4, same failed items with the same kind and responsible nodes.
 */
class EndpointEqualityIT {
    @TempDir
    Path dir;

    @Test
    void testAndDebugThroughTheEndpointEqualInProcess() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        Path[] inputs = loop.tinyInputs();
        Path local = dir.resolve("local");
        assertEquals(0, CliTest.run("init", local.toString(), "--corpus", inputs[0].toString(), "--general",
                inputs[1].toString()).exit());
        Files.writeString(local.resolve("proda.yaml"), FullLoopIT.TINY);
        for (String[] stage : List.of(new String[] {"extract"}, new String[] {"build"}, new String[] {"tests"},
                new String[] {"compile", "--model", "V0"}, new String[] {"test", "--model", "V0", "--json"},
                new String[] {"debug", "--model", "V0"})) {
            List<String> args = new ArrayList<>(List.of(stage));
            args.addAll(List.of("-C", local.toString()));
            CliTest.Run run = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), String.join(" ", stage) + ": " + run.err());
            if (stage[0].equals("test")) {
                // --json: the score line alone on stdout, the messages as events on stderr
                assertEquals(1, run.out().strip().lines().count(), run.out());
                JsonNode line = dev.proda.io.Json.MAPPER.readTree(run.out());
                assertEquals("V0", line.get("model").asText());
                assertTrue(line.get("dev").get("n").asInt() > 0 && line.has("general_bits_per_token"), run.out());
                assertTrue(run.err().lines().allMatch(l -> l.startsWith("{\"event\":")), run.err());
            }
        }
        ProjectLayout inProcess = new ProjectLayout(local);
        // The README's exit codes: 3 when the test accuracy is below --fail-under, 0 when it is not
        double accuracy = lines(inProcess.results("V0")).stream().filter(r -> r.get("split").asText().equals("test"))
                .mapToDouble(r -> r.get("correct").asBoolean() ? 1 : 0).average().orElseThrow();
        CliTest.Run passes = CliTest.run("test", "-C", local.toString(), "--model", "V0", "--fail-under",
                String.valueOf(Math.max(0, accuracy - 0.01)));
        assertEquals(0, passes.exit(), passes.err());
        CliTest.Run below = CliTest.run("test", "-C", local.toString(), "--model", "V0", "--fail-under",
                String.valueOf(Math.min(1, accuracy + 0.01)));
        assertEquals(accuracy < 1 ? 3 : 0, below.exit(), below.err());
        assertTrue(accuracy == 1 || below.err().startsWith("proda: test accuracy "), below.err());

        try (StudentModel model = new DjlStudentEngine(1).load(inProcess.model("V0"));
                OpenAiServer server = OpenAiServer.start("V0", (TextModel) model, OpenAiServer.Options.local(0))) {
            Path remote = dir.resolve("remote");
            copy(local, remote);
            ProjectLayout served = new ProjectLayout(remote);
            deleteTree(served.target());
            // the same benchmark and KB; only the student is now the served V0
            Files.writeString(served.config(), FullLoopIT.TINY.replace("student:\n", "student:\n  backend: openai\n"
                    + "  base_url: " + server.baseUrl() + "\n  model: V0\n  concurrency: 2\n  context: 48\n"));
            for (String[] stage : List.of(new String[] {"compile", "--model", "V0"},
                    new String[] {"test", "--model", "V0"}, new String[] {"debug", "--model", "V0"})) {
                List<String> args = new ArrayList<>(List.of(stage));
                args.addAll(List.of("-C", remote.toString()));
                CliTest.Run run = CliTest.run(args.toArray(String[]::new));
                assertEquals(0, run.exit(), String.join(" ", stage) + ": " + run.err());
            }
            assertTrue(Files.isRegularFile(served.model("V0").resolve("endpoint.json")), "V0 is the endpoint");

            List<JsonNode> mine = lines(inProcess.results("V0"));
            List<JsonNode> theirs = lines(served.results("V0"));
            assertEquals(mine.size(), theirs.size());
            assertFalse(mine.isEmpty());
            for (int i = 0; i < mine.size(); i++) {
                JsonNode a = mine.get(i);
                JsonNode b = theirs.get(i);
                assertEquals(a.get("item"), b.get("item"));
                assertEquals(a.get("chosen"), b.get("chosen"), a.get("item").asText());
                assertEquals(a.get("correct"), b.get("correct"));
                assertEquals(a.get("chosen_norm"), b.get("chosen_norm"));
                for (Iterator<Map.Entry<String, JsonNode>> it = a.get("scores").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> score = it.next();
                    assertEquals(score.getValue().asDouble(), b.get("scores").get(score.getKey()).asDouble(), 1e-4);
                }
            }
            Path failures = onlyFailures(inProcess);
            List<JsonNode> failedHere = lines(failures);
            List<JsonNode> failedThere = lines(served.reports().resolve(failures.getFileName()));
            assertFalse(failedHere.isEmpty(), "a tiny V0 fails dev items");
            assertEquals(failedHere.size(), failedThere.size());
            for (int i = 0; i < failedHere.size(); i++) {
                for (String field : List.of("item", "chosen", "kind", "responsible", "probes")) {
                    assertEquals(failedHere.get(i).get(field), failedThere.get(i).get(field), field);
                }
            }
        }
    }

    private static Path onlyFailures(ProjectLayout layout) throws IOException {
        try (Stream<Path> files = Files.list(layout.reports())) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("failures-round-\\d+\\.jsonl"))
                    .toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(Json.MAPPER.readTree(line));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The CLI surface: help, usage errors, and one-line errors on bad input that destroy nothing. */
class CliTest {
    @TempDir
    Path dir;

    /** A project made by {@code proda init} from one physics document holding {@code text}. */
    private Path project(String text) throws java.io.IOException {
        Path corpus = Files.createDirectories(dir.resolve("c/physics"));
        Files.writeString(corpus.resolve("a.txt"), text);
        Path project = dir.resolve("p");
        assertEquals(0, run("init", project.toString(), "--corpus", dir.resolve("c").toString()).exit());
        return project;
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Proda.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "extract", "build", "tests", "compile", "test", "debug", "repair", "cycle",
        "blame", "demo", "kb", "serve", "export"})
    void everyCommandHasHelp(String command) {
        Run run = run(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: proda " + command), run.out());
    }

    @Test
    void benchTrainMeasuresTheRealEngineAndPrintsItsJsonLineLast() throws Exception {
        Run run = run("bench", "train", "--size", "small", "--steps", "2", "--context", "16", "--vocabulary", "200",
                "--batch", "4", "--threads", "1");
        assertEquals(0, run.exit(), run.err() + run.out());
        List<String> lines = run.out().strip().lines().toList();
        var line = dev.proda.io.Json.MAPPER.readTree(lines.get(lines.size() - 1));
        for (String key : List.of("params", "mfu", "train_tokens_per_s", "eval_tokens_per_s", "sgemm_gflops")) {
            assertTrue(line.get(key).asDouble() > 0, key + " in " + line);
        }
        assertEquals(4, line.get("layers").asInt(), "the small preset");
        assertEquals(2, run("bench", "train", "--size", "huge").exit(), "an unknown size is a usage error");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void missingCorpusIsAOneLineErrorAndCreatesNothing() {
        Run run = run("init", dir.resolve("p").toString(), "--corpus", dir.resolve("nope").toString());
        assertEquals(1, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("does not exist"), run.err());
        assertFalse(Files.exists(dir.resolve("p")));
    }

    @Test
    void emptyCorpusIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run run = run("init", dir.resolve("p").toString(), "--corpus", dir.resolve("empty").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("no usable document"), run.err());
    }

    @Test
    void initRefusesToOverwriteAProject() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c"));
        Files.writeString(corpus.resolve("a.txt"), "Entropy is a thermodynamic quantity that measures disorder.\n");
        Path general = Files.createDirectories(dir.resolve("g"));
        Files.writeString(general.resolve("g.txt"), "dog: a domesticated animal\n");
        Path project = dir.resolve("p");
        assertEquals(0, run("init", project.toString(), "--corpus", corpus.toString(), "--general",
                general.toString()).exit());
        Files.writeString(project.resolve("proda.yaml"), "name: mine\n");
        Run again = run("init", project.toString(), "--corpus", corpus.toString());
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already holds a proda project"), again.err());
        assertEquals("name: mine\n", Files.readString(project.resolve("proda.yaml")));
    }

    @Test
    void corruptKbLineIsReportedWithFileAndLine() throws Exception {
        Path project = project("Entropy is a thermodynamic quantity that measures disorder.\n");
        assertEquals(0, run("extract", "-C", project.toString()).exit());
        Path statements = project.resolve("kb/statements.jsonl");
        List<String> lines = Files.readAllLines(statements);
        Files.writeString(statements, lines.get(0) + "\n{not json\n");
        Run run = run("build", "-C", project.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("statements.jsonl:2:"), run.err());
        assertFalse(Files.exists(project.resolve("src/build/samples.jsonl")));
    }

    @Test
    void aKbWhoseIdsDoNotResolveIsRefusedByTheStagesAndCountedByStats() throws Exception {
        Path project = project("Entropy is a thermodynamic quantity that measures disorder.\n");
        assertEquals(0, run("extract", "-C", project.toString()).exit());
        var layout = new dev.proda.project.ProjectLayout(project);
        var statements = dev.proda.io.Jsonl.read(layout.statements(), dev.proda.model.Statement.class);
        statements.set(0, statements.get(0).withConcepts(List.of("c-edited-away")));
        dev.proda.io.Jsonl.write(layout.statements(), statements);
        for (String stage : List.of("build", "tests")) {
            Run run = run(stage, "-C", project.toString());
            assertEquals(1, run.exit(), stage);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("statements.jsonl:1: statement ") && run.err().contains(
                    "concept_ids names c-edited-away"), run.err());
        }
        assertFalse(Files.exists(layout.buildSamples()));
        Run stats = run("kb", "stats", "-C", project.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("dangling ids         1"), stats.out());
    }

    @Test
    void aKbFromAnInterruptedExtractIsRefusedUntilExtractRunsAgain() throws Exception {
        Path project = project("Entropy is a thermodynamic quantity that measures disorder.\n");
        assertEquals(0, run("extract", "-C", project.toString()).exit());
        var layout = new dev.proda.project.ProjectLayout(project);
        // What a kill between the first and the last file of kb/ leaves in proda.lock.
        dev.proda.project.Lock.begin(layout, "extract", List.of(layout.kb()));
        Run build = run("build", "-C", project.toString());
        assertEquals(1, build.exit());
        assertEquals("proda: error: kb/ is from an interrupted extract (it did not finish, so its files may not "
                + "belong together); run `proda extract` again", build.err().strip());
        assertEquals(0, run("extract", "-C", project.toString()).exit(), "not skipped as up to date");
        assertEquals(0, run("build", "-C", project.toString()).exit());
    }

    @Test
    void kbCommandsInspectExportAndImport() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c/physics"));
        Files.writeString(corpus.resolve("a.txt"), "Entropy is a thermodynamic quantity that measures disorder.\n\n"
                + "Heat flows from hot to cold bodies. The hot body cools down over time. The cold body warms up "
                + "until both are equal.\n");
        Path project = dir.resolve("p");
        assertEquals(0, run("init", project.toString(), "--corpus", dir.resolve("c").toString()).exit());
        assertEquals(0, run("extract", "-C", project.toString()).exit());

        Run stats = run("kb", "stats", "-C", project.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("L3 chains") && stats.out().contains("physics"), stats.out());

        String conceptId = Files.readString(project.resolve("kb/concepts.jsonl")).split("\"")[3];
        Run show = run("kb", "show", "-C", project.toString(), conceptId.substring(0, 6));
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("«Entropy»"), show.out());
        assertTrue(show.out().contains("used by"), show.out());
        assertEquals(1, run("kb", "show", "-C", project.toString(), "zz-nothing").exit());

        Path exported = dir.resolve("knowledge_core.json");
        assertEquals(0, run("kb", "export", "-C", project.toString(), "-o", exported.toString()).exit());
        String before = Files.readString(project.resolve("kb/statements.jsonl"));
        Run refused = run("kb", "import", "-C", project.toString(), exported.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        Run imported = run("kb", "import", "-C", project.toString(), "--force", exported.toString());
        assertEquals(0, imported.exit(), imported.err());
        // The extractor's own KB validates: it comes back as it was, nothing dropped.
        String after = Files.readString(project.resolve("kb/statements.jsonl"));
        assertEquals(before.lines().filter(l -> l.contains("\"Entropy\"")).toList(),
                after.lines().filter(l -> l.contains("\"Entropy\"")).toList());
        assertFalse(before.lines().filter(l -> l.contains("\"Entropy\"")).toList().isEmpty(), before);
        assertFalse(imported.err().contains("dropped"), imported.err());
        assertTrue(Files.exists(project.resolve("target/reports/kb-validation.json")));
    }

    @Test
    void commandsOutsideAProjectSayWhatToDo() {
        Run run = run("extract", "-C", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("proda init"), run.err());
    }

    @Test
    void badVersionsRangesAndSubcommandVersionFlagsAreUsageErrors() {
        Run run = run("test", "-C", dir.toString(), "--model", "latest");
        assertEquals(2, run.exit(), "a version not named Vn is a usage error, as the README's table says");
        assertTrue(run.err().contains("--model") && run.err().contains("--help"), run.err());
        assertEquals(2, run("compile", "-C", dir.toString(), "--model", "v1").exit());
        assertEquals(2, run("test", "-C", dir.toString(), "--fail-under", "1.5").exit(), "accuracy is 0..1");
        assertEquals(2, run("test", "-C", dir.toString(), "--fail-under", "NaN").exit());
        // -V on a subcommand printed nothing and exited 0, so "proda test -V V2" did nothing: it is top-level only
        Run version = run("test", "-V", "V2");
        assertEquals(2, version.exit(), version.out() + version.err());
        Run top = run("--version");
        assertEquals(0, top.exit());
        assertTrue(top.out().startsWith("proda "), top.out());
        assertEquals(0, run("test", "--help").exit());
        assertEquals(0, run("kb", "stats", "-h").exit());
        // cycle and demo take -C like every stage; two different folders, no folder for demo, or no rounds are refused
        assertEquals(2, run("cycle", dir.resolve("a").toString(), "-C", dir.resolve("b").toString()).exit());
        assertEquals(2, run("cycle", "-C", dir.toString(), "--rounds", "0").exit());
        Run demo = run("demo");
        assertEquals(2, demo.exit(), demo.err());
        assertTrue(demo.err().contains("proda demo DIR"), demo.err());
        Run cycle = run("cycle", "-C", dir.resolve("none").toString());
        assertEquals(1, cycle.exit(), "no project there: an error, not a default cycle");
        assertTrue(cycle.err().contains("run 'proda init' first"), cycle.err());
    }

    @Test
    void initTakesItsFolderWithMinusCAsEveryProjectCommandDoes() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c/physics"));
        Files.writeString(corpus.resolve("a.txt"), "Entropy is a thermodynamic quantity that measures disorder.\n");
        Run none = run("init", "--corpus", dir.resolve("c").toString());
        assertEquals(2, none.exit(), "no folder: a usage error, never the current folder unasked");
        assertTrue(none.err().contains("proda init DIR (or -C DIR)"), none.err());
        assertEquals(2, run("init", dir.resolve("a").toString(), "-C", dir.resolve("b").toString()).exit(),
                "two different folders");
        Run init = run("init", "-C", dir.resolve("p").toString(), "--corpus", dir.resolve("c").toString());
        assertEquals(0, init.exit(), init.err());
        assertTrue(Files.isRegularFile(dir.resolve("p/proda.yaml")) && Files.isRegularFile(dir.resolve(
                "p/corpus/physics/a.txt")), init.out());
    }

    @Test
    void jsonGivesEventsOnStderrAndQuietOnlyWarnings() throws Exception {
        Path project = project("Entropy is a thermodynamic quantity that measures disorder.\n\n"
                + "A heat engine is a system that converts heat to work.\n");
        Run extract = run("extract", "-C", project.toString(), "--json");
        assertEquals(0, extract.exit(), extract.err());
        assertEquals("", extract.out(), "stdout keeps only a command's result");
        List<com.fasterxml.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (String line : extract.err().lines().toList()) {
            events.add(dev.proda.io.Json.MAPPER.readTree(line)); // every line is an event
        }
        assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("progress")
                && e.get("step").asText().equals("extract") && e.get("last").asBoolean()
                && e.get("done").asLong() == e.get("total").asLong()), extract.err());
        assertTrue(events.stream().anyMatch(e -> e.get("event").asText().equals("info")
                && e.get("message").asText().startsWith("extract (embedded):")), extract.err());
        Run build = run("build", "-C", project.toString(), "--json");
        assertEquals(0, build.exit(), build.err());
        assertEquals("", build.out());
        // build reads the corpus twice (its tokenizer, the evidence for false objects), then writes per node
        for (String step : List.of("build (tokenizer)", "build (corpus)", "build")) {
            List<com.fasterxml.jackson.databind.JsonNode> readings = new java.util.ArrayList<>();
            for (String line : build.err().lines().toList()) {
                var event = dev.proda.io.Json.MAPPER.readTree(line);
                if (event.get("event").asText().equals("progress") && event.get("step").asText().equals(step)) {
                    readings.add(event);
                }
            }
            assertFalse(readings.isEmpty(), step + " in\n" + build.err());
            var last = readings.get(readings.size() - 1);
            assertTrue(last.get("last").asBoolean() && last.get("total").asLong() > 0
                    && last.get("done").asLong() == last.get("total").asLong() && last.has("rate_per_s"),
                    step + ": " + last);
            assertEquals(1, readings.stream().filter(r -> r.get("last").asBoolean()).count(), step + " ends once");
        }
        Run quiet = run("build", "-C", project.toString(), "--quiet", "--force");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.out());
        assertFalse(quiet.err().lines().anyMatch(l -> !l.startsWith("warning: ")), quiet.err());
    }

    @Test
    void exportWritesTheTrainingSetAndServeAndEndpointTestsCheckTheirOptions() throws Exception {
        Path project = project("Entropy is a thermodynamic quantity that measures disorder.\n\n"
                + "A heat engine is a system that converts heat to work.\n");
        assertEquals(0, run("extract", "-C", project.toString()).exit());
        Run build = run("build", "-C", project.toString());
        assertEquals(0, build.exit(), build.err());
        Path out = dir.resolve("sft.jsonl");
        Run export = run("export", "sft", "-C", project.toString(), "--format", "openai", "-o", out.toString());
        assertEquals(0, export.exit(), export.err());
        long samples = Files.readAllLines(project.resolve("src/build/samples.jsonl")).size();
        assertEquals(samples, Files.readAllLines(out).size(), "every Builder sample, one per line");
        assertEquals(2, run("export", "sft", "-C", project.toString(), "--format", "csv").exit(), "unknown format");
        assertEquals(1, run("export", "sft", "-C", project.toString(), "--round", "3").exit(), "no such round");
        assertEquals(1, run("export", "bench", "-C", project.toString()).exit(), "no benchmark yet");

        assertEquals(2, run("test", "-C", project.toString(), "--endpoint", "http://127.0.0.1:9/v1").exit(),
                "an endpoint needs its model name");
        assertEquals(1, run("serve", "-C", project.toString(), "--model", "V1").exit(), "nothing compiled to serve");
        assertEquals(2, run("serve", "-C", project.toString(), "--port", "70000").exit(), "no such port");
        Run exposed = run("serve", "-C", project.toString(), "--host", "0.0.0.0");
        assertEquals(2, exposed.exit(), "every address without a token");
        assertTrue(exposed.err().contains("bearer token"), exposed.err());
    }
}

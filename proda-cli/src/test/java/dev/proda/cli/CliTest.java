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
        "blame", "demo"})
    void everyCommandHasHelp(String command) {
        Run run = run(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: proda " + command), run.out());
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
        Files.writeString(corpus.resolve("a.txt"), "Entropy is a measure of disorder in a system.\n");
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
        Path corpus = Files.createDirectories(dir.resolve("c"));
        Files.writeString(corpus.resolve("a.txt"), "Entropy is a measure of disorder in a system.\n");
        Path project = dir.resolve("p");
        assertEquals(0, run("init", project.toString(), "--corpus", corpus.toString()).exit());
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
    void commandsOutsideAProjectSayWhatToDo() {
        Run run = run("extract", "-C", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("proda init"), run.err());
    }

    @Test
    void badVersionIsAnError() {
        Run run = run("test", "-C", dir.toString(), "--model", "latest");
        assertEquals(1, run.exit());
    }
}

package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.text.Segmenter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile files goes through init, extract, build and tests: each bad file gets a one-line message
 * naming it, the ordinary documents' knowledge is extracted, nothing outside the corpus is read and no stage
 * crashes. (The 50 MB one-line file and the peak memory are measured by bench/rss.sh, not here.)
 */
class HostileCorpusTest {
    @TempDir
    Path dir;

    @Test
    void everyStageReadsAHostileCorpusAndNamesEachBadFile() throws Exception {
        Path corpus = dir.resolve("c");
        TestCorpus.copy(corpus, List.of("physics"), 2);
        Path outside = addHostileFiles(corpus.resolve("physics"), dir);

        Path project = dir.resolve("p");
        CliTest.Run init = CliTest.run("init", project.toString(), "--corpus", corpus.toString());
        assertEquals(0, init.exit(), init.err());
        for (String message : List.of("physics/latin1.txt: 2 bytes that are not UTF-8 text",
                "skipping physics/data.txt: binary, not text", "skipping physics/empty.md: empty file",
                "skipping physics/leak.txt: symbolic link to " + outside.toRealPath(),
                "skipping physics/..\\..\\escape.txt: its name holds a backslash")) {
            assertEquals(1, init.err().lines().filter(l -> l.startsWith("warning: " + message)).count(),
                    message + " in\n" + init.err());
        }
        assertEquals(5, init.err().lines().count(), "one line for each bad file, nothing else:\n" + init.err());
        assertTrue(init.out().contains("with 6 corpus documents"), init.out());
        assertFalse(Files.exists(project.resolve("corpus/physics/leak.txt")), "an outside link is not copied in");

        CliTest.Run extract = CliTest.run("extract", "-C", project.toString());
        assertEquals(0, extract.exit(), extract.err());
        assertTrue(extract.err().contains("sentences longer than " + Segmenter.MAX_SENTENCE_CHARS
                + " characters were cut into pieces and not read for relations, in physics/long.txt"), extract.err());
        String statements = Files.readString(project.resolve("kb/statements.jsonl"));
        for (String subject : List.of("\"photon\"", "\"neutrino\"", "\"boson\"")) {
            assertTrue(statements.contains("\"subject\":" + subject), subject + " in\n" + statements);
        }
        assertTrue(statements.contains("\"doc\":\"physics/qutip-basics.txt\""), "the ordinary documents' knowledge");
        assertFalse(statements.contains("zorblax") || statements.contains("quuxor"), "nothing outside the corpus");
        assertTrue(statements.lines().count() < 200, "a 3 MB line is no flood of statements");

        CliTest.Run build = CliTest.run("build", "-C", project.toString());
        assertEquals(0, build.exit(), build.err());
        CliTest.Run tests = CliTest.run("tests", "-C", project.toString());
        assertTrue(tests.exit() == 0 || tests.exit() == 1 && tests.err().startsWith("proda: error: tests: "),
                "the benchmark may refuse a small corpus, in one line: " + tests.err());
        for (CliTest.Run run : List.of(init, extract, build, tests)) {
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void anEmptyExtractionWarnsAndIsAnErrorUnderStrict() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c"));
        Files.writeString(corpus.resolve("a.txt"), "Hello there, see you soon.\n");
        Path project = dir.resolve("p");
        assertEquals(0, CliTest.run("init", project.toString(), "--corpus", corpus.toString()).exit());
        CliTest.Run extract = CliTest.run("extract", "-C", project.toString());
        assertEquals(0, extract.exit(), extract.err());
        assertTrue(extract.err().startsWith("warning: extract: no statement was extracted from 1 documents"),
                extract.err());
        CliTest.Run strict = CliTest.run("extract", "-C", project.toString(), "--strict");
        assertEquals(1, strict.exit(), "an empty run is partial, so it is not skipped as up to date\n" + strict.err());
        assertTrue(strict.err().startsWith("proda: error: extract: no statement"), strict.err());
    }

    /**
     * Adds the hostile files to a discipline folder: Latin-1 bytes, a binary file, an empty file, 10,000 nested
     * divs, a one-sentence file, a 3 MB line, a link to a file outside the corpus (written into {@code outside};
     * returned) and a name with backslashes.
     */
    static Path addHostileFiles(Path folder, Path outside) throws Exception {
        Files.write(folder.resolve("latin1.txt"), ("A photon is an elementary particle that carries light.\n\n"
                + "Its name was chosen in a caf\u00e9 over cr\u00e8me.\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[10] = 0;
        Files.write(folder.resolve("data.txt"), binary);
        Files.writeString(folder.resolve("empty.md"), "");
        Files.writeString(folder.resolve("deep.html"), "<html><body>" + "<div>".repeat(10_000)
                + "<p>A neutrino is a subatomic particle that rarely interacts with matter.</p>"
                + "</div>".repeat(10_000) + "</body></html>");
        Files.writeString(folder.resolve("one.txt"), "A boson is a particle that follows Bose-Einstein statistics.");
        Files.writeString(folder.resolve("long.txt"), longLine(3_000_000));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "A zorblax is a secret device that spies.\n");
        Files.createSymbolicLink(folder.resolve("leak.txt"), secret);
        Files.writeString(folder.resolve("..\\..\\escape.txt"), "A quuxor is a hidden machine that escapes.\n");
        return secret;
    }

    /** Real text from the bundled corpus, its sentence ends and line breaks removed, repeated to {@code size}. */
    static String longLine(int size) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (var files = Files.list(TestCorpus.EXAMPLE.resolve("corpus/statistics"))) {
            for (Path file : files.sorted().toList()) {
                text.write(Files.readAllBytes(file));
            }
        }
        String flat = text.toString(StandardCharsets.UTF_8).replaceAll("[.!?\\s]+", " ");
        return flat.repeat(size / flat.length() + 1).substring(0, size) + "\n";
    }
}

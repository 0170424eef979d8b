package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of {@link HostileCorpusTest} beside a tiny ordinary corpus go through every stage: a whole
 * cycle (extract, build, tests, compile V0 and V1, test, debug, repair, compile V2 and its controls) on the tiny
 * embedded student finishes, reports every version, and no stage prints a stack trace. Its one-line file holds 3
 * million characters; {@code -Dproda.hostile.line.chars=100000000} makes it the 100 MB line (minutes).
 */
@Tag("heavy") // about a minute: only under -Pheavy (README, "Two commands")
class HostileCycleIT {
    @TempDir
    Path dir;

    @Test
    void aWholeCycleRunsOnACorpusWithHostileFiles() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        Path[] inputs = loop.tinyInputs();
        HostileCorpusTest.addHostileFiles(inputs[0].resolve("computing"), Files.createDirectories(dir.resolve("outside")));
        int lineChars = Integer.getInteger("proda.hostile.line.chars", 0);
        if (lineChars > 0) {
            Files.writeString(inputs[0].resolve("computing/long.txt"), HostileCorpusTest.longLine(lineChars));
        }

        Path project = dir.resolve("p");
        CliTest.Run init = CliTest.run("init", project.toString(), "--corpus", inputs[0].toString(), "--general",
                inputs[1].toString());
        assertEquals(0, init.exit(), init.err());
        assertEquals(5, init.err().lines().filter(l -> l.startsWith("warning: ")).count(),
                "one warning for each bad file:\n" + init.err());
        Files.writeString(project.resolve("proda.yaml"), FullLoopIT.TINY);

        CliTest.Run cycle = CliTest.run("cycle", "-C", project.toString(), "--rounds", "1");
        assertEquals(0, cycle.exit(), cycle.err() + cycle.out());
        assertFalse(cycle.err().contains("Exception") || cycle.err().contains("\tat "), cycle.err());
        assertTrue(cycle.err().contains("in computing/long.txt"), "the overlong line is reported:\n" + cycle.err());

        ProjectLayout layout = new ProjectLayout(project);
        JsonNode report = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
        java.util.Set<String> versions = new java.util.HashSet<>();
        report.get("versions").forEach(v -> versions.add(v.get("name").asText()));
        assertTrue(versions.containsAll(java.util.List.of("V0", "V1", "V2", "V2-untargeted")), versions.toString());
        String kb = Files.readString(layout.statements());
        assertTrue(kb.contains("\"subject\":\"photon\"") && kb.contains("\"subject\":\"neutrino\""),
                "the hostile files' readable knowledge is in kb/");
        assertFalse(kb.contains("zorblax") || kb.contains("quuxor"), "nothing from outside the corpus");
    }
}

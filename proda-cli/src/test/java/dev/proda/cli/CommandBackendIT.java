package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code student.backend: command} with a command that really trains: proda's own embedded trainer run as a
 * separate process ({@code proda train}) for every fine-tuning of a whole cycle.
 */
@Tag("heavy") // minutes: only under -Pheavy (README, "Two commands")
class CommandBackendIT {
    @TempDir
    Path dir;

    @Test
    void aCycleTrainsEveryVersionThroughTheCommand() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        Path[] inputs = loop.tinyInputs();
        Path project = dir.resolve("tiny");
        assertEquals(0, CliTest.run("init", project.toString(), "--corpus", inputs[0].toString(), "--general",
                inputs[1].toString()).exit());
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("trainings.log");
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true dev.proda.cli.Proda train --base {base}"
                + " --data {data} --out {out} --epochs {epochs} --learning-rate {learning_rate} --seed {seed}"
                + " --batch 8 --threads 1 >> '" + log + "'";
        String yaml = FullLoopIT.TINY.replace("student:\n", "student:\n  backend: command\n  train_command: \""
                + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
        Files.writeString(project.resolve("proda.yaml"), yaml);

        CliTest.Run cycle = CliTest.run("cycle", project.toString(), "--rounds", "1");
        assertEquals(0, cycle.exit(), cycle.err() + cycle.out());
        JsonNode report = Json.MAPPER.readTree(new ProjectLayout(project).reports().resolve("cycle.json").toFile());
        List<String> names = Json.MAPPER.convertValue(report.get("versions").findValues("name"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        assertTrue(names.containsAll(List.of("V0", "V1", "V2")), names.toString());
        JsonNode provenance = Json.MAPPER.readTree(new ProjectLayout(project).model("V2").resolve("provenance.json")
                .toFile());
        assertEquals("command:'" + ProcessHandle.current().info().command().orElse("java") + "'",
                provenance.get("backend").asText(), "the backend that made V2");
        assertEquals("V1", provenance.get("base").asText());
        assertTrue(provenance.get("data_hash").asText().length() >= 12 && provenance.get("samples").asInt() > 0);
        List<String> trainings = Files.readAllLines(log);
        assertTrue(trainings.size() >= 2 && trainings.stream().allMatch(l -> l.startsWith("train: ")),
                "V1, V2 and the controls each trained by the command: " + trainings);
    }
}

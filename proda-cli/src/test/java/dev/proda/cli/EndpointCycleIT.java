package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.project.ProjectLayout;
import dev.proda.serve.OpenAiServer;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import dev.proda.student.djl.DjlStudentEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle whose student is a model behind an endpoint (here a tiny embedded model behind {@code proda serve}'s
 * server): V0 is tested, diagnosed on dev and repaired as it is, and the cycle hands the data over.
 */
class EndpointCycleIT {
    @TempDir
    Path dir;

    @Test
    void aCycleOnAnEndpointStudentDiagnosesAndRepairsV0AndTrainsNothing() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        Path[] inputs = loop.tinyInputs();
        List<String> general = Files.readAllLines(inputs[1].resolve("general.txt")).subList(0, 600);
        DjlStudentEngine engine = new DjlStudentEngine(1);
        engine.pretrain(general, general, new PretrainConfig(1, 32, 2, 48, 800, 2, 20_000, 8, 3e-3, 7, 1),
                dir.resolve("served"), ProgressListener.NONE);
        try (StudentModel model = engine.load(dir.resolve("served"));
                OpenAiServer server = OpenAiServer.start("tiny-base", (TextModel) model, OpenAiServer.Options.local(0))) {
            Path project = dir.resolve("tiny");
            assertEquals(0, CliTest.run("init", project.toString(), "--corpus", inputs[0].toString(), "--general",
                    inputs[1].toString()).exit());
            String yaml = FullLoopIT.TINY.replace("student:\n", "student:\n  backend: openai\n  base_url: "
                    + server.baseUrl() + "\n  model: tiny-base\n  concurrency: 2\n");
            Files.writeString(project.resolve("proda.yaml"), yaml);

            CliTest.Run cycle = CliTest.run("cycle", project.toString(), "--rounds", "1");
            assertEquals(0, cycle.exit(), cycle.err() + cycle.out());
            ProjectLayout layout = new ProjectLayout(project);
            JsonNode report = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
            assertEquals(1, report.get("versions").size(), "V0 only: nothing is trained here");
            assertTrue(report.get("student").asText().startsWith("openai:tiny-base"), report.get("student").asText());
            assertTrue(Files.isRegularFile(layout.model("V0").resolve("endpoint.json")));
            assertTrue(Files.isRegularFile(layout.failures(1)), "V0 diagnosed on dev");
            assertTrue(Files.isRegularFile(layout.patchRound(1).resolve("patches.jsonl")), "and repaired");
            assertTrue(report.get("notes").get(1).asText().contains("proda export sft"));
        }
    }
}

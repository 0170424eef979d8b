package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import dev.proda.project.ProjectLayout;
import dev.proda.serve.OpenAiServer;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import dev.proda.student.djl.DjlStudentEngine;
import dev.proda.teacher.llm.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole cycle with an LLM on both sides, through one scripted OpenAI-compatible server on 127.0.0.1: its chat
 * completions are the teacher (extraction, Builder samples, Tester items, patches), its completions the student (a
 * tiny embedded model behind {@code proda serve}'s server, forwarded). Every stage's output is the teacher's where
 * the teacher writes it, and the student is tested, diagnosed and repaired through the endpoint.
 */
class ScriptedEndpointCycleIT {
    @TempDir
    Path dir;

    /** Sixteen is-a facts of one discipline, each term in no other fact, each class of its own head. */
    private static final List<String> FACTS = List.of("A heap is a kind of priority queue.",
            "A trie is a kind of prefix tree.", "A deque is a kind of double-ended buffer.",
            "A bloom filter is a kind of probabilistic structure.", "Quicksort is a kind of comparison sort.",
            "A lexer is a kind of scanner program.", "A mutex is a kind of locking primitive.",
            "A semaphore is a kind of signalling counter.", "Python is a kind of interpreted language.",
            "TCP is a kind of transport protocol.", "Whirlpool is a kind of cryptographic hash.",
            "JSON is a kind of interchange format.", "Git is a kind of version control system.",
            "Unicode is a kind of character encoding.", "A rope is a kind of string representation.",
            "A skiplist is a kind of layered index.");

    @Test
    void aFullCycleRunsWithTheTeacherAndTheStudentBehindOneScriptedServer() throws Exception {
        FullLoopIT loop = new FullLoopIT();
        loop.dir = dir;
        Path general = loop.tinyInputs()[1];
        Path corpus = Files.createDirectories(dir.resolve("facts").resolve("computing"));
        Files.writeString(corpus.resolve("facts.txt"), String.join("\n\n", FACTS) + "\n");
        List<String> lines = Files.readAllLines(general.resolve("general.txt")).subList(0, 600);
        DjlStudentEngine engine = new DjlStudentEngine(1);
        engine.pretrain(lines, lines, new PretrainConfig(1, 32, 2, 48, 800, 2, 20_000, 8, 3e-3, 7, 1),
                dir.resolve("served"), ProgressListener.NONE);
        try (StudentModel model = engine.load(dir.resolve("served"));
                OpenAiServer student = OpenAiServer.start("tiny-base", (TextModel) model, OpenAiServer.Options.local(0));
                FakeOpenAiServer server = new FakeOpenAiServer().facts().servingStudent(student.baseUrl().toString().replaceAll("/$", ""))) {
            Path project = dir.resolve("p");
            assertEquals(0, CliTest.run("init", project.toString(), "--corpus", corpus.getParent().toString(),
                    "--general", general.toString()).exit());
            Files.writeString(project.resolve("proda.yaml"), """
                    name: p
                    seed: 7
                    student:
                      backend: openai
                      base_url: %1$s
                      model: tiny-base
                      api_key_env: PRODA_PLANTED_API_KEY
                      concurrency: 2
                    teacher:
                      backend: openai
                      base_url: %1$s
                      model: scripted-teacher
                      api_key_env: PRODA_PLANTED_API_KEY
                      concurrency: 2
                    budgets:
                      statements: 40
                      general_items: 8
                    """.formatted(server.baseUrl()));

            CliTest.Run cycle = CliTest.run("cycle", project.toString(), "--rounds", "1");
            assertEquals(0, cycle.exit(), cycle.err() + cycle.out());
            ProjectLayout layout = new ProjectLayout(project);

            List<Statement> statements = Jsonl.read(layout.statements(), Statement.class);
            assertEquals(FACTS.size(), statements.size(), "the teacher's statements, every quote located");
            assertTrue(statements.stream().allMatch(s -> s.predicate().equals("is-a") && !s.spans().isEmpty()));

            List<Sample> samples = Jsonl.read(layout.buildSamples(), Sample.class);
            assertTrue(samples.stream().anyMatch(s -> s.skill().startsWith("llm-")), "the teacher's Builder samples");

            List<TestItem> dev = Jsonl.read(layout.split("dev"), TestItem.class);
            JsonNode report = Json.MAPPER.readTree(layout.tests().resolve("report.json").toFile());
            assertTrue(dev.stream().anyMatch(i -> i.distractor_kinds().contains("misconception")),
                    "the teacher's items: " + report + "\n" + cycle.err());
            assertTrue(report.get("passed").asBoolean());
            // what the teacher wrote, and whose distractors the balanced assignment kept, for the record
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            java.util.stream.Stream.concat(dev.stream(), Jsonl.read(layout.split("test"), TestItem.class).stream())
                    .forEach(i -> i.distractor_kinds().forEach(k -> kinds.merge(k, 1, Integer::sum)));
            System.out.println("teacher_items " + report.get("teacher_items") + " distractor kinds " + kinds);

            JsonNode cycleReport = Json.MAPPER.readTree(layout.reports().resolve("cycle.json").toFile());
            assertTrue(cycleReport.get("student").asText().startsWith("openai:tiny-base"));
            assertTrue(Files.isRegularFile(layout.failures(1)), "V0 diagnosed on dev through the endpoint");
            List<Patch> patches = Jsonl.read(layout.patchRound(1).resolve("patches.jsonl"), Patch.class);
            assertTrue(patches.stream().flatMap(p -> p.samples().stream()).anyMatch(s -> s.skill().startsWith("llm-")),
                    "the teacher's patches");

            assertTrue(server.byPath.get("/v1/chat/completions").get() > 0, "the teacher was asked");
            // the planted key (surefire sets PRODA_PLANTED_API_KEY) went to the server and nowhere else
            String key = System.getenv("PRODA_PLANTED_API_KEY");
            assertTrue(key != null && key.startsWith("sk-"), "the build sets the planted key");
            assertTrue(server.received.stream().allMatch(r -> ("Bearer " + key).equals(r.authorization())),
                    "the teacher was asked with the key");
            assertFalse((cycle.out() + cycle.err()).contains(key), "no log line holds the key");
            try (var files = Files.walk(project)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(key), "the key is written to " + file);
                }
            }
            assertTrue(server.byPath.get("/v1/completions").get() > 0, "the student was scored through the same server");
        }
    }
}

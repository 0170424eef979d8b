package dev.proda.teacher.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM teacher writing the Builder's samples, over real HTTP to a scripted endpoint on 127.0.0.1. */
class LlmSampleWriterTest {
    @TempDir
    Path dir;

    private static Statement statement(String id, String subject, String object) {
        return new Statement(id, null, subject, "is-a", object, subject + " is a " + object + ".",
                List.of(new Span("a.txt", 0, 10)), List.of("c-" + id, "c-o"), 0.9);
    }

    @Test
    void writesThreeCheckedSamplesPerStatementAndRefusesAKeyThatIsNotTheObject() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            OpenAiEndpoint endpoint = OpenAiEndpoint.create(server.baseUrl(), "fake-model", null, n -> null,
                    Duration.ofSeconds(10));
            LlmSampleWriter writer = new LlmSampleWriter(new ReliableChat(endpoint, new ResponseCache(dir), 2,
                    RetryPolicy.standard(0), Log.SILENT), new RequestDefaults("fake-model", 0.0, 512, true, 1), 2,
                    Log.SILENT);
            LlmSampleWriter.Written written = writer.write(List.of(statement("s-1", "heap", "priority queue"),
                    statement("s-2", "trick", "priority queue")));
            assertEquals(List.of("s-2"), written.failedStatements(), "a keyed option that is not the object is refused");
            assertEquals(3, written.samples().size());
            assertEquals(LlmSampleWriter.SKILLS, written.samples().stream().map(Sample::skill).toList());
            Sample choice = written.samples().get(1);
            assertTrue(choice.messages().get(0).content().contains("\nA. priority queue\nB. hash table"));
            assertEquals("A. priority queue", choice.messages().get(1).content());
            assertTrue(written.samples().get(2).messages().get(1).content().startsWith("False."),
                    "a false sentence is answered False with the true statement");
            written.samples().forEach(s -> assertEquals("s-1", s.knowledge().get(0)));
            int calls = server.calls.get();
            writer.write(List.of(statement("s-1", "heap", "priority queue")));
            assertEquals(calls, server.calls.get(), "answers are cached");
        }
    }

    @Test
    void writesRepairSamplesThatNameTheFact() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            OpenAiEndpoint endpoint = OpenAiEndpoint.create(server.baseUrl(), "fake-model", null, n -> null,
                    Duration.ofSeconds(10));
            LlmSampleWriter writer = new LlmSampleWriter(new ReliableChat(endpoint, new ResponseCache(dir), 1,
                    RetryPolicy.standard(0), Log.SILENT), new RequestDefaults("fake-model", 0.0, 512, true, 1), 1,
                    Log.SILENT);
            List<LlmSampleWriter.Exchange> patch = writer.patch(statement("s-1", "heap", "priority queue"),
                    List.of("A heap is a priority queue kept as a tree."));
            assertEquals(2, patch.size());
            assertTrue(patch.get(0).answer().contains("priority queue"));
            String user = server.received.get(server.received.size() - 1).userMessages().get(0);
            assertTrue(user.contains("A heap is a priority queue kept as a tree."), "grounded in the passages: " + user);
            dev.proda.model.Concept heap = new dev.proda.model.Concept("c-1", "heap", List.of(), "structure",
                    "a tree that keeps its smallest key at the root", List.of("s-1"), "computing", List.of());
            List<LlmSampleWriter.Exchange> contrast = writer.patch(heap, List.of("A heap keeps its smallest key on top."));
            assertEquals(2, contrast.size());
            assertTrue(contrast.stream().allMatch(x -> x.answer().contains("heap")), "every answer names the term");
        }
    }

    @Test
    void withTheLlmTeacherTheBuilderSamplesOfStatementsAreTheTeachers() throws Exception {
        dev.proda.project.ProjectLayout layout = dev.proda.TestCorpus.project(dir.resolve("p"), "computing");
        dev.proda.extract.Extract.run(layout, dev.proda.project.ProdaConfig.defaults("t"), Log.SILENT, false);
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            java.nio.file.Files.writeString(layout.config(), "name: t\nteacher:\n  backend: openai\n  base_url: "
                    + server.baseUrl() + "\n  model: fake-model\n  concurrency: 2\n");
            dev.proda.project.ProdaConfig config = dev.proda.project.ProdaConfig.read(layout.config());
            List<Sample> samples = dev.proda.build.Build.run(layout, config, Log.SILENT, true);
            long teachers = samples.stream().filter(s -> LlmSampleWriter.SKILLS.contains(s.skill())).count();
            assertTrue(teachers >= 3 && teachers % 3 == 0, "three per statement or defined concept written: " + teachers);
            assertTrue(samples.stream().anyMatch(s -> s.knowledge().get(0).startsWith("c-")
                    && LlmSampleWriter.SKILLS.contains(s.skill())), "defined concepts get the teacher's samples too");
            java.util.Set<String> taught = new java.util.HashSet<>();
            samples.stream().filter(s -> LlmSampleWriter.SKILLS.contains(s.skill()))
                    .forEach(s -> taught.add(s.knowledge().get(0)));
            assertTrue(samples.stream().filter(s -> taught.contains(s.knowledge().get(0)))
                    .allMatch(s -> LlmSampleWriter.SKILLS.contains(s.skill())), "a written statement has only the teacher's");
        }
    }

    /** An endpoint that dies mid-build: the samples so far are kept, and the next plain run asks for the rest. */
    @Test
    void aBuildWhoseEndpointDiedIsNotDoneAndTheNextRunAsksOnlyForTheRest() throws Exception {
        dev.proda.project.ProjectLayout layout = dev.proda.TestCorpus.project(dir.resolve("p"), "computing");
        dev.proda.extract.Extract.run(layout, dev.proda.project.ProdaConfig.defaults("t"), Log.SILENT, false);
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            java.nio.file.Files.writeString(layout.config(), "name: t\nteacher:\n  backend: openai\n  base_url: "
                    + server.baseUrl() + "\n  model: fake-model\n  concurrency: 1\n  max_retries: 0\n");
            dev.proda.project.ProdaConfig config = dev.proda.project.ProdaConfig.read(layout.config());
            server.enqueue(FakeOpenAiServer.Fault.normal(), FakeOpenAiServer.Fault.normal(),
                    FakeOpenAiServer.Fault.status(503, "overloaded"));
            List<String> lines = new java.util.ArrayList<>();
            List<Sample> partial = dev.proda.build.Build.run(layout, config, Log.into(lines), false);
            assertTrue(lines.stream().anyMatch(l -> l.contains("never answered") && l.contains("run 'proda build' "
                    + "again")), lines.toString());
            assertEquals(Boolean.TRUE, dev.proda.project.Lock.read(layout).get("build").partial(),
                    "a build missing answers is never up to date");
            java.util.function.Predicate<Sample> teachersOfStatements = x -> LlmSampleWriter.SKILLS.contains(x.skill())
                    && x.knowledge().get(0).startsWith("s-");
            assertEquals(6, partial.stream().filter(teachersOfStatements).count(),
                    "the statements' two answers before the endpoint died are kept (the concepts were asked after)");

            int before = server.calls.get();
            long cachedBefore = LlmTeacherTest.countFiles(layout.cache().resolve("llm"));
            List<Sample> full = dev.proda.build.Build.run(layout, config, Log.SILENT, false);
            assertEquals(null, dev.proda.project.Lock.read(layout).get("build").partial());
            long statements = full.stream().filter(teachersOfStatements).count() / 3;
            assertTrue(statements > 2);
            // every call answers something the cache did not hold (a request already under way when the endpoint
            // died may have been answered and cached too, so at most all but the two)
            assertEquals(LlmTeacherTest.countFiles(layout.cache().resolve("llm")) - cachedBefore,
                    server.calls.get() - before, "only what was missing");
            assertTrue(server.calls.get() - before <= statements - 2, "the two answered before are not asked again");
        }
    }

    @Test
    void anUnreachableTeacherIsGivenUpOnceNotPerStatement() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        OpenAiEndpoint endpoint = OpenAiEndpoint.create("http://127.0.0.1:" + port + "/v1", "fake-model", null,
                n -> null, Duration.ofSeconds(2));
        LlmSampleWriter writer = new LlmSampleWriter(new ReliableChat(endpoint, null, 1, RetryPolicy.standard(0),
                Log.SILENT), new RequestDefaults("fake-model", 0.0, 512, true, 0), 1, Log.SILENT);
        LlmSampleWriter.Written written = writer.write(List.of(statement("s-1", "heap", "priority queue"),
                statement("s-2", "trie", "search tree"), statement("s-3", "deque", "queue")));
        assertTrue(written.samples().isEmpty());
        assertEquals(List.of("s-1", "s-2", "s-3"), written.failedStatements());
    }

    @Test
    void aConceptAnswerMustCarryItsDefinitionAndKeyTheTerm() throws Exception {
        dev.proda.model.Concept heap = new dev.proda.model.Concept("c-1", "heap", List.of(), "structure",
                "a tree that keeps its smallest key at the root", List.of("s-1"), "computing", List.of());
        JsonNode good = dev.proda.io.Json.MAPPER.readTree("""
                {"qa": {"question": "What is a heap?", "answer": "A tree keeping the smallest key at its root."},
                 "multiple_choice": {"question": "Which term?", "options": ["stack", "heap", "queue", "trie"], "answer": "B"},
                 "true_false": {"statement": "A heap is a tree that keeps its smallest key at the root.", "answer": true}}""");
        assertTrue(LlmSampleWriter.conceptProblems(heap, good).isEmpty(), LlmSampleWriter.conceptProblems(heap, good)
                .toString());
        JsonNode bad = dev.proda.io.Json.MAPPER.readTree("""
                {"qa": {"question": "What is a heap?", "answer": "A pile of things."},
                 "multiple_choice": {"question": "Which term?", "options": ["stack", "heap", "heaps", "trie"], "answer": "A"},
                 "true_false": {"statement": "Stacks are last in, first out.", "answer": false}}""");
        // not the definition; the key on "stack"; "heap" and "heaps" both the term; a sentence about another term
        assertEquals(5, LlmSampleWriter.conceptProblems(heap, bad).size(), LlmSampleWriter.conceptProblems(heap, bad)
                .toString());
    }
}

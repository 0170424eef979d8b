package dev.proda.teacher.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

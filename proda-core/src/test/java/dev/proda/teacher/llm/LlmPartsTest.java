package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.text.QuoteLocator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.model.Message;
import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM teacher's parts, each alone: chunks, quote location, schemas, cache keys, backoff. */
class LlmPartsTest {
    @TempDir
    Path dir;

    @Test
    void chunksAreWholeParagraphsUpToTheLimit() {
        String text = "First paragraph, short.\n\nSecond paragraph is a little longer than the first.\n\n"
                + "x".repeat(300) + "\n\nLast one.\n";
        Corpus.Document document = new Corpus.Document("a.txt", "d", text);
        List<Chunk> chunks = Chunker.chunks(document, 100);
        List<TextUnit> paragraphs = Segmenter.paragraphs(text);
        assertEquals(3, chunks.size());
        assertEquals(paragraphs.get(0).start(), chunks.get(0).start());
        assertEquals(paragraphs.get(1).end(), chunks.get(0).end());
        assertEquals(paragraphs.get(2).text(), chunks.get(1).text(), "a long paragraph is a chunk of its own");
        assertEquals("Last one.", chunks.get(2).text());
        for (TextUnit paragraph : paragraphs) {
            assertEquals(1, chunks.stream().filter(c -> c.start() <= paragraph.start() && paragraph.end() <= c.end())
                    .count(), "every paragraph in exactly one chunk");
        }
        assertTrue(Chunker.chunks(new Corpus.Document("e.txt", "d", "\n\n  \n"), 100).isEmpty());
    }

    @Test
    void quotesAreFoundExactlyThenFoldedButNeverInvented() {
        String text = "The cell \u201Cdivides\u201D   when\nready. It grows.";
        assertEquals(Optional.of(new TextUnit("It grows.", 33, 42)), QuoteLocator.locate(text, "It grows."));
        TextUnit folded = QuoteLocator.locate(text, "the CELL \"divides\" when ready.").orElseThrow();
        assertEquals(text.substring(0, 32), folded.text());
        assertEquals(0, folded.start());
        assertTrue(QuoteLocator.locate(text, "The cell divides when ready.").isEmpty());
        assertTrue(QuoteLocator.locate(text, "   ").isEmpty());
        assertTrue(QuoteLocator.locate(text, null).isEmpty());
    }

    @Test
    void termsAreFoundAsWholeWords() {
        String text = "A region of ions. The ion moves.";
        TextUnit ion = QuoteLocator.locateTerm(text, "ION").orElseThrow();
        assertEquals("ion", ion.text());
        assertEquals(text.indexOf("ion moves"), ion.start());
        assertTrue(QuoteLocator.locateTerm(text, "gion").isEmpty());
    }

    @Test
    void schemasAcceptValidAnswersAndListEveryViolation() {
        String valid = "{\"chains\": [{\"process_name\": \"p\", \"domain_context\": \"d\", \"narrative_summary\": \"n\","
                + " \"preconditions\": [], \"negative_constraints\": [], \"steps\": [{\"step\": \"a\", \"source_quote\":"
                + " \"abc\"}, {\"step\": \"b\", \"source_quote\": \"def\"}]}]}";
        assertTrue(AnswerSchema.CHAINS.check(valid).valid(), AnswerSchema.CHAINS.check(valid).errors().toString());
        assertTrue(AnswerSchema.CHAINS.check("```json\n" + valid + "\n```").valid(), "one code fence is tolerated");
        assertFalse(AnswerSchema.CHAINS.check(valid + " trailing").valid(), "nothing may follow the JSON");
        assertTrue(AnswerSchema.CHAINS.check("{\"chains\": [").errors().get(0).startsWith("not valid JSON"));
        List<String> errors = AnswerSchema.CHAINS.check(
                "{\"chains\": [{\"process_name\": \"\", \"steps\": [], \"extra\": 1}]}").errors();
        assertTrue(errors.size() >= 4, errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("extra")), errors.toString());
        List<String> predicate = AnswerSchema.STATEMENTS.check("{\"statements\": [{\"subject\": \"a\", \"predicate\":"
                + " \"likes\", \"object\": \"b\", \"source_quote\": \"abc\", \"chain_index\": null}]}").errors();
        assertEquals(1, predicate.size(), predicate.toString());
        assertTrue(AnswerSchema.CONCEPTS.check("{\"concepts\": [{\"term\": \"t\", \"aliases\": [], \"type\": \"entity\","
                + " \"definition\": null, \"statement_indices\": [0]}]}").valid());
    }

    @Test
    void cacheKeyCoversModelMessagesAndParameters() {
        RequestDefaults defaults = new RequestDefaults("m", 0.0, 100, true, 1);
        ChatRequest request = defaults.request("system", "user");
        assertEquals(request.cacheKey(), defaults.request("system", "user").cacheKey());
        assertEquals(64, request.cacheKey().length());
        assertNotEquals(request.cacheKey(), new RequestDefaults("m2", 0.0, 100, true, 1).request("system", "user").cacheKey());
        assertNotEquals(request.cacheKey(), new RequestDefaults("m", 0.5, 100, true, 1).request("system", "user").cacheKey());
        assertNotEquals(request.cacheKey(), new RequestDefaults("m", 0.0, 101, true, 1).request("system", "user").cacheKey());
        assertNotEquals(request.cacheKey(), new RequestDefaults("m", 0.0, 100, false, 1).request("system", "user").cacheKey());
        assertNotEquals(request.cacheKey(), defaults.request("system", "user!").cacheKey());
        assertEquals(request.cacheKey(), new RequestDefaults("m", 0.0, 100, true, 5).request("system", "user").cacheKey(),
                "re-asks are not a parameter of the request");
    }

    @Test
    void cacheRoundTripsAnswersAndTreatsDamagedFilesAsMisses() throws Exception {
        ResponseCache cache = new ResponseCache(dir.resolve("llm"));
        ChatRequest request = new ChatRequest("m", List.of(new Message("user", "hi")), 0, 10, true);
        assertTrue(cache.get(request).isEmpty());
        ChatAnswer answer = new ChatAnswer("{}", "stop", new ChatAnswer.Usage(3, 1));
        cache.put(request, answer);
        assertEquals(Optional.of(answer), cache.get(request));
        Path file = dir.resolve("llm").resolve(request.cacheKey().substring(0, 2)).resolve(request.cacheKey() + ".json");
        java.nio.file.Files.writeString(file, "{ damaged");
        assertTrue(cache.get(request).isEmpty());
    }

    @Test
    void connectionErrorsAreRetriedThenReportedWithoutTheKey() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        OpenAiEndpoint endpoint = OpenAiEndpoint.create("http://127.0.0.1:" + port + "/v1/", "m", "K",
                name -> "sk-never-shown", Duration.ofSeconds(2));
        assertEquals("openai:m@http://127.0.0.1:" + port + "/v1", endpoint.name());
        ReliableChat chat = new ReliableChat(endpoint, null, 1,
                new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10)), dev.proda.project.Log.SILENT);
        EndpointException e = org.junit.jupiter.api.Assertions.assertThrows(EndpointException.class,
                () -> chat.chat(new RequestDefaults("m", 0, 10, true, 0).request("s", "u")));
        assertTrue(e.getMessage().contains("cannot connect") && e.getMessage().contains("gave up after 3 attempts"),
                e.getMessage());
        assertFalse(e.getMessage().contains("sk-never-shown"));
        assertEquals(3, chat.stats().calls());
        assertEquals(2, chat.stats().retries());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OpenAiEndpoint.create("ftp://x/v1", "m", null, n -> null, Duration.ofSeconds(1)))
                .getMessage().contains("teacher.base_url"));
    }

    @Test
    void backoffGrowsWithJitterAndHonoursRetryAfter() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
        Random random = new Random(1);
        for (int retry = 1; retry <= 6; retry++) {
            long cap = Math.min(1000, 100L << (retry - 1));
            long delay = policy.delay(retry, null, random).toMillis();
            assertTrue(delay >= cap / 2 && delay <= cap, retry + ": " + delay);
        }
        assertEquals(Duration.ofSeconds(7), policy.delay(1, Duration.ofSeconds(7), random));
        assertEquals(RetryPolicy.MAX_RETRY_AFTER, policy.delay(1, Duration.ofHours(2), random));
        assertEquals(Optional.of(Duration.ofMillis(1500)), OpenAiEndpoint.parseRetryAfter("1.5"));
        assertTrue(OpenAiEndpoint.parseRetryAfter("soon").isEmpty());
        assertEquals(Optional.of(Duration.ZERO), OpenAiEndpoint.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}

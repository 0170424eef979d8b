package dev.proda.teacher.llm;

import dev.proda.endpoint.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.Teachers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM teacher end to end against a real HTTP server on 127.0.0.1 ({@link FakeOpenAiServer}). */
class LlmTeacherTest {
    private static final String KEY_VARIABLE = "PRODA_TEST_LLM_KEY";
    private static final String KEY = "sk-test-5ecret-Key-0123456789";
    private static final Function<String, String> ENVIRONMENT = name -> name.equals(KEY_VARIABLE) ? KEY : null;
    /** Tiny backoff so that retry tests stay fast. */
    private static final Duration BACKOFF = Duration.ofMillis(20);

    @TempDir
    Path dir;
    private FakeOpenAiServer server;
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final Log log = Log.into(logLines);

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A project with two short real documents (physics 2 KB, biology 5 KB). */
    private ProjectLayout project(String teacherYaml) throws IOException {
        ProjectLayout layout = new ProjectLayout(dir.resolve("p"));
        copy("physics/qutip-basics.txt", layout);
        copy("biology/phylip-clique.txt", layout);
        Files.writeString(layout.config(), "name: llm-test\nteacher:\n  backend: openai\n  base_url: "
                + server.baseUrl() + "\n  model: fake-model\n  api_key_env: " + KEY_VARIABLE + "\n" + teacherYaml);
        return layout;
    }

    private static void copy(String path, ProjectLayout layout) throws IOException {
        Path target = layout.corpus().resolve(path);
        Files.createDirectories(target.getParent());
        Files.copy(TestCorpus.EXAMPLE.resolve("corpus").resolve(path), target);
    }

    private static LlmTeacher teacher(ProjectLayout layout, int maxRetries) {
        return LlmTeacher.from(ProdaConfig.read(layout.config()).teacher(), layout, ENVIRONMENT,
                new RetryPolicy(maxRetries, BACKOFF, BACKOFF.multipliedBy(4)));
    }

    private KnowledgeBase extract(ProjectLayout layout, LlmTeacher teacher) {
        return Extract.run(layout, ProdaConfig.read(layout.config()), log, teacher);
    }

    @Test
    void extractWritesGroundedLinkedKbAndCachedRerunMakesNoCall() throws IOException {
        ProjectLayout layout = project("  concurrency: 2\n  chunk_chars: 900\n");
        server.delayMillis = 40; // so that concurrent requests overlap at the server
        LlmTeacher teacher = teacher(layout, 2);
        KnowledgeBase kb = extract(layout, teacher);
        ExtractionReport report = teacher.lastReport();

        int chunks = report.chunks();
        assertTrue(chunks > 4, "chunks: " + chunks);
        assertEquals(chunks, report.chunksDone());
        // three passes per chunk (pass 3 only where statements were found), no re-asks
        assertTrue(server.calls.get() >= 2 * chunks && server.calls.get() <= 3 * chunks, "calls: " + server.calls.get());
        assertEquals(server.calls.get(), report.chat().calls());
        assertTrue(server.received.stream().allMatch(r -> r.body().path("messages").size() == 2), "no re-asks");
        assertTrue(report.chat().promptTokens() > 0 && report.chat().completionTokens() > 0, "usage counted");
        assertTrue(server.maxInFlight.get() <= 2, "in flight at most 2, saw " + server.maxInFlight.get());
        assertTrue(server.maxInFlight.get() == 2, "two chunks ran at once");
        server.received.forEach(r -> assertEquals("Bearer " + KEY, r.authorization()));
        server.received.forEach(r -> assertEquals("json_object", r.body().path("response_format").path("type").asText()));
        assertEquals("fake-model", server.received.get(0).body().path("model").asText());

        // grounded: every span points at text that holds the node's quote; invented nodes were dropped
        assertFalse(kb.chains().isEmpty() || kb.statements().isEmpty() || kb.concepts().isEmpty());
        Map<String, String> texts = texts(layout);
        for (Statement s : kb.statements()) {
            assertFalse(s.source_quote().contains("cheese"), s.source_quote());
            for (Span span : s.spans()) {
                assertEquals(s.source_quote(), slice(texts, span));
            }
        }
        for (Chain c : kb.chains()) {
            assertEquals(c.steps().size(), c.spans().size());
            assertTrue(c.steps().size() >= 2);
            c.spans().forEach(span -> assertFalse(slice(texts, span).isBlank()));
            String doc = c.spans().get(0).doc();
            assertEquals(doc.substring(0, doc.indexOf('/')), c.discipline(), "discipline from the document");
        }
        for (Concept c : kb.concepts()) {
            assertFalse(c.spans().isEmpty());
            for (Span span : c.spans()) {
                String text = slice(texts, span);
                assertTrue(text.equalsIgnoreCase(c.term()) || c.aliases().stream().anyMatch(text::equalsIgnoreCase),
                        c.term() + " at " + span + ": " + text);
            }
        }
        assertFalse(kb.concepts().stream().anyMatch(c -> c.term().contains("unicorn")));
        // only the invented statement is dropped: upper-cased, space-doubled quotes are found by folding
        assertEquals(chunks, report.dropped().statements(), "one invented statement per chunk");
        int conceptPasses = server.calls.get() - 2 * chunks;
        assertEquals(conceptPasses, report.dropped().concepts(), "one invented concept per concept pass");
        assertTrue(report.dropped().steps() > 0);

        // validated as every teacher's base is: chains are procedures linked step to step, and the report says so
        assertEquals(java.util.List.of(), dev.proda.validate.KbValidation.check(kb).problems());
        kb.chains().forEach(c -> assertEquals(Chain.PROCEDURE, c.kind()));
        assertTrue(Files.readString(layout.reports().resolve(dev.proda.validate.KbValidation.REPORT_FILE))
                .contains("\"source\" : \"openai:fake-model\""));

        // linked both ways
        Map<String, Statement> statements = kb.statementsById();
        Map<String, Concept> concepts = kb.conceptsById();
        for (Chain c : kb.chains()) {
            assertFalse(c.statement_ids().isEmpty());
            c.statement_ids().forEach(id -> assertEquals(c.chain_id(), statements.get(id).parent_chain_id()));
        }
        for (Statement s : kb.statements()) {
            if (s.parent_chain_id() != null) {
                assertTrue(kb.chainsById().get(s.parent_chain_id()).statement_ids().contains(s.statement_id()));
            }
            s.concept_ids().forEach(id -> assertTrue(concepts.get(id).parent_statement_ids().contains(s.statement_id())));
        }
        for (Concept c : kb.concepts()) {
            assertFalse(c.parent_statement_ids().isEmpty());
            c.parent_statement_ids().forEach(id -> assertTrue(statements.get(id).concept_ids().contains(c.concept_id())));
        }

        // the cached rerun: zero HTTP calls, identical KB files
        Map<Path, String> before = kbFiles(layout);
        int callsBefore = server.calls.get();
        LlmTeacher again = teacher(layout, 2);
        KnowledgeBase rerun = extract(layout, again);
        assertEquals(callsBefore, server.calls.get(), "a cached rerun makes no HTTP call");
        assertEquals(0, again.lastReport().chat().calls());
        assertEquals(callsBefore, again.lastReport().chat().cacheHits());
        assertEquals(kb, rerun);
        assertEquals(before, kbFiles(layout));

        // the key is in no file of the project and in no log line
        assertKeyNowhere(layout);
        assertTrue(Files.isDirectory(layout.cache().resolve("llm")));
    }

    @Test
    void invalidJsonAndSchemaViolationAreReaskedWithTheirErrors() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n  reasks: 2\n");
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        server.enqueue(FakeOpenAiServer.Fault.content("{\"chains\": [ not json"),
                FakeOpenAiServer.Fault.content("{\"chains\": [{\"process_name\": \"only a name\"}]}"));
        LlmTeacher teacher = teacher(layout, 0);
        KnowledgeBase kb = extract(layout, teacher);

        assertEquals(1, teacher.lastReport().chunks());
        assertEquals(1, teacher.lastReport().chunksDone());
        assertEquals(5, server.calls.get(), "pass 1 asked three times, passes 2 and 3 once");
        List<String> firstReask = server.received.get(1).userMessages();
        assertEquals(2, firstReask.size());
        assertTrue(firstReask.get(1).startsWith("Your answer is not valid") && firstReask.get(1).contains("not valid JSON"),
                firstReask.get(1));
        String secondReask = server.received.get(2).userMessages().get(2);
        assertTrue(secondReask.contains("steps") && secondReask.contains("required"), secondReask);
        assertEquals("{\"chains\": [{\"process_name\": \"only a name\"}]}",
                server.received.get(2).body().path("messages").path(4).path("content").asText(),
                "the model's own invalid answer is part of the re-ask");
        assertFalse(kb.chains().isEmpty());
    }

    @Test
    void exhaustedReasksFailThatChunkOnlyAndAreReported() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 900\n  reasks: 1\n");
        server.enqueue(FakeOpenAiServer.Fault.content("[]"), FakeOpenAiServer.Fault.content("{\"chains\": 3}"));
        LlmTeacher teacher = teacher(layout, 0);
        KnowledgeBase kb = extract(layout, teacher);

        ExtractionReport report = teacher.lastReport();
        assertEquals(1, report.chunksFailed());
        assertEquals(report.chunks() - 1, report.chunksDone());
        ExtractionReport.ChunkFailure failure = report.failures().get(0);
        assertEquals("chains", failure.pass());
        assertTrue(failure.reason().contains("2 answers invalid"), failure.reason());
        assertTrue(logLines.stream().anyMatch(l -> l.startsWith("warning: extract: chunk ") && l.contains("failed")));
        assertTrue(logLines.stream().anyMatch(l -> l.contains("chunks done, 1 failed")), String.join("\n", logLines));
        assertFalse(kb.chains().isEmpty(), "the other chunks still count");
        String reportJson = Files.readString(layout.reports().resolve(LlmTeacher.REPORT_FILE));
        assertTrue(reportJson.contains("\"pass\" : \"chains\""), reportJson);
    }

    @Test
    void retriesOn429HonouringRetryAfterAndOn503() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n");
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        server.enqueue(FakeOpenAiServer.Fault.status(429, "{\"error\":{\"message\":\"Rate limit reached\"}}",
                "Retry-After", "1"), FakeOpenAiServer.Fault.status(503, "overloaded"));
        LlmTeacher teacher = teacher(layout, 3);
        KnowledgeBase kb = extract(layout, teacher);

        assertEquals(5, server.calls.get(), "two retries, then three passes");
        assertEquals(2, teacher.lastReport().chat().retries());
        long waited = server.received.get(1).nanos() - server.received.get(0).nanos();
        assertTrue(waited >= Duration.ofMillis(950).toNanos(), "Retry-After: 1 honoured, waited " + waited / 1e6 + " ms");
        assertEquals(0, teacher.lastReport().chunksFailed());
        assertFalse(kb.statements().isEmpty());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("HTTP 429") && l.contains("retry 1 of 3")));
    }

    /**
     * 500, a reset connection, a body cut mid-JSON and a refusal in one run: each is retried or re-asked and counted;
     * the chunk whose exchange gives up is reported and the others are kept; the stage is not recorded as done, and
     * the next plain run asks exactly what is missing, every answer received before coming from the cache.
     */
    @Test
    void aStormOfFaultsLosesNothingAndTheNextRunAsksOnlyWhatIsMissing() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 900\n  reasks: 1\n");
        String cut = "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"cont";
        server.enqueue(FakeOpenAiServer.Fault.normal(), FakeOpenAiServer.Fault.status(500, "internal error"),
                FakeOpenAiServer.Fault.reset(), FakeOpenAiServer.Fault.normal(),
                FakeOpenAiServer.Fault.content("I'm sorry, but I can't help with that."), FakeOpenAiServer.Fault.normal(),
                FakeOpenAiServer.Fault.status(200, cut), FakeOpenAiServer.Fault.reset(),
                FakeOpenAiServer.Fault.status(500, "internal error"));
        LlmTeacher teacher = teacher(layout, 2);
        KnowledgeBase partial = extract(layout, teacher);
        ChatStats.Snapshot stats = teacher.lastReport().chat();
        assertEquals(4, stats.retries(), "500 and reset, then the cut body and a reset before the last 500");
        assertEquals(1, stats.reasks(), "the refusal is re-asked");
        assertEquals(1, teacher.lastReport().chunksFailed());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("HTTP 500") && l.contains("retry 1 of 2")), logLines.toString());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("not JSON") && l.contains("retry")), logLines.toString());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("gave up after 3 attempts")), logLines.toString());
        assertTrue(logLines.stream().anyMatch(l -> l.contains("run 'proda extract' again")), logLines.toString());
        assertFalse(partial.statements().isEmpty(), "the other chunks' knowledge is kept");
        assertEquals(Boolean.TRUE, dev.proda.project.Lock.read(layout).get("extract").partial(),
                "a partial extract: its kb/ is one set, but the stage is never up to date");
        assertTrue(Files.readString(layout.reports().resolve(LlmTeacher.REPORT_FILE)).contains("\"reasks\" : 1"));

        Path cache = layout.cache().resolve("llm");
        long answered = countFiles(cache);
        int before = server.calls.get();
        LlmTeacher again = teacher(layout, 2);
        KnowledgeBase kb = extract(layout, again);
        assertEquals(0, again.lastReport().chunksFailed());
        assertEquals(answered, again.lastReport().chat().cacheHits(), "every answer of the partial run is reused");
        assertEquals(countFiles(cache) - answered, server.calls.get() - before, "and only what was missing is asked");
        assertTrue(server.calls.get() - before >= 1);
        assertTrue(kb.statements().size() >= partial.statements().size());
        assertEquals(null, dev.proda.project.Lock.read(layout).get("extract").partial(), "complete now");
        assertKeyNowhere(layout);
    }

    /** The files under {@code folder}: the LLM cache holds one per answer received. */
    static long countFiles(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void unauthorizedFailsAtOnceWithTheServersMessageButNotTheKey() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n");
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        server.enqueue(FakeOpenAiServer.Fault.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY + ". Find your key at your account page.\",\"type\":\"invalid_request_error\"}}"));
        LlmTeacher teacher = teacher(layout, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> extract(layout, teacher));

        assertEquals(1, server.calls.get(), "a 401 is not retried");
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("Incorrect API key provided"),
                e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertKeyNowhere(layout);
    }

    @Test
    void timeOutIsRetriedThenReported() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n  timeout_seconds: 0.5\n");
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        server.enqueue(FakeOpenAiServer.Fault.sleep(1500), FakeOpenAiServer.Fault.sleep(1500));
        LlmTeacher teacher = teacher(layout, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> extract(layout, teacher));

        assertEquals(2, server.calls.get(), "first attempt and one retry");
        assertTrue(e.getMessage().contains("within 0.5 s") && e.getMessage().contains("gave up after 2 attempts"),
                e.getMessage());
        assertEquals(1, teacher.lastReport().chunksFailed());
        assertEquals(1, teacher.lastReport().chat().retries());
    }

    @Test
    void timeOutThenAnswerSucceeds() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n  timeout_seconds: 0.5\n");
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        server.enqueue(FakeOpenAiServer.Fault.sleep(1500));
        LlmTeacher teacher = teacher(layout, 3);
        extract(layout, teacher);
        long retries = teacher.lastReport().chat().retries();
        assertTrue(retries >= 1, "the time-out was retried");
        assertEquals(3 + retries, server.calls.get(), "three passes plus the retries (more only on a loaded machine)");
        assertEquals(0, teacher.lastReport().chunksFailed());
    }

    @Test
    void missingKeyVariableIsAOneLineErrorNamingIt() throws IOException {
        ProjectLayout layout = project("");
        ProdaConfig config = ProdaConfig.read(layout.config());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Teachers.from(config, layout, name -> null));
        assertTrue(e.getMessage().contains(KEY_VARIABLE), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(Teachers.from(config, layout, ENVIRONMENT) instanceof LlmTeacher);
    }

    @Test
    void jsonModeCanBeTurnedOffAndNoKeyVariableMeansNoAuthorization() throws IOException {
        ProjectLayout layout = project("  concurrency: 1\n  chunk_chars: 3000\n  json_mode: false\n");
        Files.writeString(layout.config(), Files.readString(layout.config()).replace("  api_key_env: " + KEY_VARIABLE
                + "\n", ""));
        Files.delete(layout.corpus().resolve("biology/phylip-clique.txt"));
        extract(layout, teacher(layout, 0));
        server.received.forEach(r -> assertTrue(r.body().path("response_format").isMissingNode()));
        server.received.forEach(r -> assertNull(r.authorization()));
    }

    private void assertKeyNowhere(ProjectLayout layout) throws IOException {
        try (var files = Files.walk(layout.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertFalse(content.contains(KEY), "key written to " + file);
            }
        }
        synchronized (logLines) {
            logLines.forEach(line -> assertFalse(line.contains(KEY), line));
        }
    }

    private static Map<String, String> texts(ProjectLayout layout) {
        Map<String, String> texts = new HashMap<>();
        Corpus.read(layout.corpus(), "x", Log.SILENT).forEach(d -> texts.put(d.path(), d.text()));
        return texts;
    }

    private static String slice(Map<String, String> texts, Span span) {
        return texts.get(span.doc()).substring(span.start(), span.end());
    }

    private static Map<Path, String> kbFiles(ProjectLayout layout) {
        Map<Path, String> files = new HashMap<>();
        for (Path file : List.of(layout.chains(), layout.statements(), layout.concepts())) {
            try {
                files.put(file, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}

package dev.proda.teacher.llm;

import dev.proda.endpoint.RetryPolicy;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.teacher.Teacher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The teacher on an OpenAI-compatible chat endpoint: documents are cut into chunks of whole paragraphs
 * ({@code teacher.chunk_chars}), each chunk goes through the three passes ({@link ChunkPasses}), up to
 * {@code teacher.concurrency} requests in flight, and the findings are merged in corpus order.
 *
 * <p>A chunk whose pass fails (answers still invalid after the re-asks, or the endpoint failing after
 * its retries) contributes nothing: all three layers of a chunk or none. The run goes on with the
 * other chunks, warns once per failed chunk, and ends with a summary; the stage fails only when no
 * chunk succeeded (an empty or wholly unreachable teacher must not leave an empty KB that looks fine).
 * Every answer that arrived is cached, so a rerun repeats only the failed exchanges.
 */
public final class LlmTeacher implements Teacher {
    /** Where answers are cached, under the project's {@code target/cache}. */
    public static final String CACHE_FOLDER = "llm";
    /** The report of the last extraction, under {@code target/reports}. */
    public static final String REPORT_FILE = "extract-teacher.json";

    private final ChatEndpoint endpoint;
    private final RequestDefaults defaults;
    private final int concurrency;
    private final int chunkChars;
    private final RetryPolicy retries;
    private final ProjectLayout layout;
    private volatile ExtractionReport lastReport;

    LlmTeacher(ChatEndpoint endpoint, RequestDefaults defaults, int concurrency, int chunkChars, RetryPolicy retries,
            ProjectLayout layout) {
        this.endpoint = endpoint;
        this.defaults = defaults;
        this.concurrency = concurrency;
        this.chunkChars = chunkChars;
        this.retries = retries;
        this.layout = layout;
    }

    /** The teacher {@code proda.yaml} describes, with the key from the process environment. */
    public static LlmTeacher from(ProdaConfig.Teacher config, ProjectLayout layout) {
        return from(config, layout, System::getenv, RetryPolicy.standard(config.maxRetries()));
    }

    /**
     * @param environment how the variable {@code teacher.api_key_env} is looked up
     * @param retries backoff between retries (its {@code maxRetries} wins over the configuration's)
     */
    public static LlmTeacher from(ProdaConfig.Teacher config, ProjectLayout layout,
            Function<String, String> environment, RetryPolicy retries) {
        if (!config.backend().equals("openai")) {
            throw new IllegalArgumentException("LlmTeacher needs teacher.backend 'openai', not '" + config.backend() + "'");
        }
        return new LlmTeacher(OpenAiEndpoint.of(config, environment), RequestDefaults.of(config), config.concurrency(),
                config.chunkChars(), retries, layout);
    }

    @Override
    public String name() {
        return "openai:" + defaults.model();
    }

    /** The report of the last {@link #extract} (also written to {@code target/reports/extract-teacher.json}). */
    @Override
    public int failedParts() {
        return lastReport == null ? 0 : lastReport.chunksFailed();
    }

    public ExtractionReport lastReport() {
        return lastReport;
    }

    @Override
    public KnowledgeBase extract(List<Corpus.Document> documents, Log log) {
        List<Chunk> chunks = new ArrayList<>();
        documents.forEach(d -> chunks.addAll(Chunker.chunks(d, chunkChars)));
        ResponseCache cache = new ResponseCache(layout.cache().resolve(CACHE_FOLDER));
        ReliableChat chat = new ReliableChat(endpoint, cache, concurrency, retries, log);
        ChunkPasses passes = new ChunkPasses(chat, defaults);
        log.info("extract: teacher " + endpoint.name() + ", " + chunks.size() + " chunks of at most " + chunkChars
                + " characters, " + concurrency + " requests in flight at most");

        AtomicInteger finished = new AtomicInteger();
        int every = Math.max(1, chunks.size() / 20);
        List<Future<ChunkKnowledge>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (Chunk chunk : chunks) {
                futures.add(pool.submit(() -> {
                    try {
                        return passes.run(chunk);
                    } finally {
                        synchronized (finished) { // progress lines in order
                            int done = finished.incrementAndGet();
                            if (done % every == 0 || done == chunks.size()) {
                                ChatStats.Snapshot s = chat.stats();
                                log.info("extract: " + done + "/" + chunks.size() + " chunks, " + s.calls()
                                        + " calls, " + s.cacheHits() + " cache hits");
                            }
                        }
                    }
                }));
            }
        }

        List<ChunkKnowledge> found = new ArrayList<>();
        List<ExtractionReport.ChunkFailure> failures = new ArrayList<>();
        ChunkKnowledge.Dropped dropped = ChunkKnowledge.Dropped.NONE;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            try {
                ChunkKnowledge knowledge = futures.get(i).get();
                found.add(knowledge);
                dropped = dropped.plus(knowledge.dropped());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String pass = cause instanceof ChunkPasses.PassFailedException p ? p.pass() : "?";
                String reason = cause instanceof ChunkPasses.PassFailedException p ? p.getCause().getMessage()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                failures.add(new ExtractionReport.ChunkFailure(chunk.document().path(), chunk.index(), chunk.start(),
                        chunk.end(), pass, reason));
                log.warn("extract: chunk " + chunk.label() + " [" + chunk.start() + ", " + chunk.end() + ") failed in pass "
                        + pass + ": " + reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("extract interrupted", e);
            }
        }
        KnowledgeBase kb = KnowledgeAssembly.assemble(found).report(layout, name(), log).kb();
        ChatStats.Snapshot stats = chat.stats();
        ExtractionReport report = new ExtractionReport(name(), endpoint.name(), defaults, chunks.size(), found.size(),
                failures, new ExtractionReport.Dropped(dropped.steps(), dropped.chains(), dropped.statements(),
                        dropped.concepts()), stats, kb.chains().size(), kb.statements().size(), kb.concepts().size());
        lastReport = report;
        Path reportFile = layout.reports().resolve(REPORT_FILE);
        write(reportFile, report);
        log.info(String.format(Locale.ROOT, "extract: %d/%d chunks done, %d failed; %d calls, %d cache hits, %d retries; "
                + "%d prompt + %d completion tokens; dropped for quotes not in the text: %d steps, %d chains, "
                + "%d statements, %d concepts (report: %s)", found.size(), chunks.size(), failures.size(), stats.calls(),
                stats.cacheHits(), stats.retries(), stats.promptTokens(), stats.completionTokens(), dropped.steps(),
                dropped.chains(), dropped.statements(), dropped.concepts(), layout.root().relativize(reportFile)));
        if (!chunks.isEmpty() && found.isEmpty()) {
            throw new IllegalStateException("extract: all " + chunks.size() + " chunks failed; first: "
                    + failures.get(0).pass() + ": " + failures.get(0).reason());
        }
        return kb;
    }

    private static void write(Path file, ExtractionReport report) {
        AtomicFiles.writeJson(file, report);
    }
}

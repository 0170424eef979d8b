package dev.proda.teacher.llm;

import dev.proda.project.Log;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every chat backend shares, in one place around a {@link ChatEndpoint}: a response cache (a hit
 * makes no call), at most {@code concurrency} exchanges in flight, retries with backoff on retriable
 * failures (honouring {@code Retry-After}), immediate failure otherwise, and counts of calls, hits,
 * retries and tokens. Safe to call from many threads; a caller waiting to retry holds no slot.
 */
public final class ReliableChat {
    private final ChatEndpoint endpoint;
    private final ResponseCache cache;
    private final Semaphore slots;
    private final int concurrency;
    private final RetryPolicy retries;
    private final Log log;
    private final ChatStats stats = new ChatStats();

    /**
     * @param cache where answers are kept, or null for none
     * @param log where retries are reported (never with request text or keys)
     */
    public ReliableChat(ChatEndpoint endpoint, ResponseCache cache, int concurrency, RetryPolicy retries, Log log) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.cache = cache;
        this.slots = new Semaphore(concurrency, true);
        this.concurrency = concurrency;
        this.retries = Objects.requireNonNull(retries, "retries");
        this.log = Objects.requireNonNull(log, "log");
    }

    public String name() {
        return endpoint.name();
    }

    public int concurrency() {
        return concurrency;
    }

    public ChatStats.Snapshot stats() {
        return stats.snapshot();
    }

    /**
     * The answer to {@code request}: from the cache, or from the endpoint (then cached).
     *
     * @throws ChatException when the endpoint fails with a non-retriable error, or retries run out
     */
    public ChatAnswer chat(ChatRequest request) {
        stats.requests.incrementAndGet();
        if (cache != null) {
            var hit = cache.get(request);
            if (hit.isPresent()) {
                stats.cacheHits.incrementAndGet();
                return hit.get();
            }
        }
        for (int retry = 0;; retry++) {
            try {
                ChatAnswer answer = sendInSlot(request);
                if (answer.usage() != null) {
                    stats.promptTokens.addAndGet(answer.usage().promptTokens());
                    stats.completionTokens.addAndGet(answer.usage().completionTokens());
                }
                if (cache != null) {
                    cache.put(request, answer);
                }
                return answer;
            } catch (ChatException e) {
                if (!e.retriable() || retry >= retries.maxRetries()) {
                    stats.failures.incrementAndGet();
                    if (e.retriable() && retries.maxRetries() > 0) {
                        throw new ChatException(e.getMessage() + " (gave up after " + (retry + 1) + " attempts)",
                                e.status(), false, e.retryAfter());
                    }
                    throw e;
                }
                Duration wait = retries.delay(retry + 1, e.retryAfter(), ThreadLocalRandom.current());
                stats.retries.incrementAndGet();
                log.info(String.format(Locale.ROOT, "teacher: %s; retry %d of %d in %.1f s", e.getMessage(), retry + 1,
                        retries.maxRetries(), wait.toMillis() / 1000.0));
                sleep(wait);
            }
        }
    }

    private ChatAnswer sendInSlot(ChatRequest request) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException("interrupted while waiting for a free request slot", 0, false, null);
        }
        try {
            stats.calls.incrementAndGet();
            return endpoint.send(request);
        } finally {
            slots.release();
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException("interrupted while waiting to retry", 0, false, null);
        }
    }
}

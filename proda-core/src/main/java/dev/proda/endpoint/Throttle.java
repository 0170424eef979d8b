package dev.proda.endpoint;

import dev.proda.project.Log;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every endpoint caller shares: at most {@code concurrency} exchanges in flight, retries with backoff on
 * retriable failures (honouring {@code Retry-After}), immediate failure otherwise, and counts of calls, retries
 * and failures. Safe to call from many threads; a caller waiting to retry holds no slot.
 */
public final class Throttle {
    private final String who;
    private final Semaphore slots;
    private final int concurrency;
    private final RetryPolicy retries;
    private final Log log;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param who the side in log lines ("teacher", "student")
     * @param log where retries are reported (never with request text or keys)
     */
    public Throttle(String who, int concurrency, RetryPolicy retries, Log log) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.who = who;
        this.slots = new Semaphore(concurrency, true);
        this.concurrency = concurrency;
        this.retries = Objects.requireNonNull(retries, "retries");
        this.log = Objects.requireNonNull(log, "log");
    }

    public int concurrency() {
        return concurrency;
    }

    public long calls() {
        return calls.get();
    }

    public long retries() {
        return retried.get();
    }

    public long failures() {
        return failures.get();
    }

    /**
     * The result of {@code exchange}, retried while it fails retriably and retries are left.
     *
     * @throws EndpointException when the exchange fails with a non-retriable error, or retries run out
     */
    public <T> T call(Supplier<T> exchange) {
        for (int retry = 0;; retry++) {
            try {
                return inSlot(exchange);
            } catch (EndpointException e) {
                if (!e.retriable() || retry >= retries.maxRetries()) {
                    failures.incrementAndGet();
                    if (e.retriable() && retries.maxRetries() > 0) {
                        throw new EndpointException(e.getMessage() + " (gave up after " + (retry + 1) + " attempts)",
                                e.status(), false, e.retryAfter());
                    }
                    throw e;
                }
                Duration wait = retries.delay(retry + 1, e.retryAfter(), ThreadLocalRandom.current());
                retried.incrementAndGet();
                log.info(String.format(Locale.ROOT, "%s: %s; retry %d of %d in %.1f s", who, e.getMessage(), retry + 1,
                        retries.maxRetries(), wait.toMillis() / 1000.0));
                sleep(wait);
            }
        }
    }

    private <T> T inSlot(Supplier<T> exchange) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("interrupted while waiting for a free request slot", 0, false, null);
        }
        try {
            calls.incrementAndGet();
            return exchange.get();
        } finally {
            slots.release();
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("interrupted while waiting to retry", 0, false, null);
        }
    }
}

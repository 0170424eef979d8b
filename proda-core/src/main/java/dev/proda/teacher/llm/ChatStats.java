package dev.proda.teacher.llm;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one {@link ReliableChat}, safe to update from many threads. */
public final class ChatStats {
    /** The counters at one moment. */
    public record Snapshot(long requests, long calls, long cacheHits, long retries, long failures,
            long promptTokens, long completionTokens) {
    }

    final AtomicLong requests = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), calls.get(), cacheHits.get(), retries.get(), failures.get(),
                promptTokens.get(), completionTokens.get());
    }
}

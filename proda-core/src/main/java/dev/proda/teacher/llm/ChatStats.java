package dev.proda.teacher.llm;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one {@link ReliableChat}, safe to update from many threads. */
public final class ChatStats {
    /** The counters at one moment. */
    public record Snapshot(long requests, long calls, long cacheHits, long retries, long failures, long reasks,
            long promptTokens, long completionTokens) {
    }

    final AtomicLong requests = new AtomicLong();
    final AtomicLong cacheHits = new AtomicLong();
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();
    /** Answers that failed their schema or checks and were asked again (a refusal, invalid JSON, a wrong field). */
    final AtomicLong reasks = new AtomicLong();

    /** The counters now, with the exchange counts that {@code throttle} keeps. */
    Snapshot snapshot(dev.proda.endpoint.Throttle throttle) {
        return new Snapshot(requests.get(), throttle.calls(), cacheHits.get(), throttle.retries(), throttle.failures(),
                reasks.get(), promptTokens.get(), completionTokens.get());
    }
}

package dev.proda.endpoint;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how long to wait before trying a failed exchange again: exponential backoff with
 * jitter (a delay drawn from the upper half of {@code initialDelay · 2^attempt}, capped at
 * {@code maxDelay}), or exactly the server's {@code Retry-After} when it gives one (capped at
 * {@link #MAX_RETRY_AFTER}).
 *
 * @param maxRetries retries after the first attempt
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
    /** The longest {@code Retry-After} honoured as given. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry policy needs maxRetries ≥ 0 and 0 ≤ initialDelay ≤ maxDelay");
        }
    }

    /** {@code maxRetries} retries starting at one second, at most a minute apart. */
    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @param retryAfter what the server asked for, or null
     */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long cap = maxDelay.toMillis();
        long base = Math.min(cap, initialDelay.toMillis() << Math.min(30, retry - 1));
        long half = base / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(base - half + 1)));
    }
}

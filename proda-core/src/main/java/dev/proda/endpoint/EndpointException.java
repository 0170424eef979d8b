package dev.proda.endpoint;

import java.time.Duration;

/**
 * An exchange with an OpenAI-compatible endpoint that failed. {@link #retriable()} says whether trying again may
 * help (429, 5xx,
 * time-outs, connection errors) or not (other 4xx, malformed answers); the message never contains the
 * API key (server messages are redacted before they get here).
 */
public class EndpointException extends RuntimeException {
    private final int status;
    private final boolean retriable;
    private final Duration retryAfter;

    /**
     * @param status HTTP status, or 0 when no response arrived
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public EndpointException(String message, int status, boolean retriable, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public boolean retriable() {
        return retriable;
    }

    /** How long the server asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

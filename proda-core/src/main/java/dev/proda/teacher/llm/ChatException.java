package dev.proda.teacher.llm;

import java.time.Duration;

/**
 * A chat exchange that failed. {@link #retriable()} says whether trying again may help (429, 5xx,
 * time-outs, connection errors) or not (other 4xx, malformed answers); the message never contains the
 * API key (server messages are redacted before they get here).
 */
public class ChatException extends RuntimeException {
    private final int status;
    private final boolean retriable;
    private final Duration retryAfter;

    /**
     * @param status HTTP status, or 0 when no response arrived
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public ChatException(String message, int status, boolean retriable, Duration retryAfter) {
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

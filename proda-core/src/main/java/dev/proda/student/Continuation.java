package dev.proda.student;

import java.util.Objects;

/** A scoring request: how likely is {@code continuation} right after {@code context}? */
public record Continuation(String context, String continuation) {
    public Continuation {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(continuation, "continuation");
        if (continuation.isEmpty()) {
            throw new IllegalArgumentException("continuation must not be empty");
        }
    }
}

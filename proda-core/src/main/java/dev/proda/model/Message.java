package dev.proda.model;

import java.util.Objects;

/** One chat turn. */
public record Message(String role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}

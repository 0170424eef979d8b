package dev.proda.model;

import java.util.Objects;

/** Character offsets {@code [start, end)} into one corpus document (path relative to {@code corpus/}). */
public record Span(String doc, int start, int end) {
    public Span {
        Objects.requireNonNull(doc, "doc");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") in " + doc);
        }
    }
}

package dev.proda.text;

/** A piece of a document with its offsets: {@code text} equals {@code document.substring(start, end)}. */
public record TextUnit(String text, int start, int end) {
    public TextUnit {
        if (end - start != text.length()) {
            throw new IllegalArgumentException("text length does not match [" + start + ", " + end + ")");
        }
    }
}

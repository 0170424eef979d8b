package dev.proda.text;

import dev.proda.model.Span;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds where a quoted piece of text sits in a document: exactly first, then ignoring case and runs of
 * whitespace (quotes copied by people or models often re-flow lines). Never guesses beyond that.
 */
public final class QuoteLocator {
    private QuoteLocator() {
    }

    public static Optional<Span> locate(String doc, String text, String quote) {
        if (quote == null || quote.isBlank()) {
            return Optional.empty();
        }
        String trimmed = quote.strip();
        int exact = text.indexOf(trimmed);
        if (exact >= 0) {
            return Optional.of(new Span(doc, exact, exact + trimmed.length()));
        }
        // Fold case and whitespace, remembering where each folded character came from.
        StringBuilder folded = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        boolean lastSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!lastSpace) {
                    origin[folded.length()] = i;
                    folded.append(' ');
                }
                lastSpace = true;
            } else {
                origin[folded.length()] = i;
                folded.append(Character.toLowerCase(c));
                lastSpace = false;
            }
        }
        String needle = trimmed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        int at = folded.indexOf(needle);
        if (at < 0) {
            return Optional.empty();
        }
        int start = origin[at];
        int end = origin[at + needle.length() - 1] + 1;
        return Optional.of(new Span(doc, start, end));
    }
}

package dev.proda.text;

import java.util.Optional;

/**
 * Finds where a model's quote stands in the text it was given: exactly first, then ignoring letter
 * case, runs of white space and typographic variants of quotes and dashes. The result is always a
 * piece of the text itself; a quote that is not there is not found (no fuzzy guessing).
 */
public final class QuoteLocator {
    private QuoteLocator() {
    }

    /** Where {@code quote} occurs in {@code text} (offsets into {@code text}), if it does. */
    public static Optional<TextUnit> locate(String text, String quote) {
        String wanted = quote == null ? "" : quote.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        int exact = text.indexOf(wanted);
        if (exact >= 0) {
            return Optional.of(new TextUnit(wanted, exact, exact + wanted.length()));
        }
        Folded haystack = fold(text);
        String needle = fold(wanted).text;
        int at = haystack.text.indexOf(needle);
        if (at < 0 || needle.isEmpty()) {
            return Optional.empty();
        }
        int start = haystack.offsets[at];
        int end = haystack.offsets[at + needle.length() - 1] + 1;
        return Optional.of(new TextUnit(text.substring(start, end), start, end));
    }

    /**
     * Where the term occurs in {@code text} as whole words (not inside a longer word), ignoring case,
     * white space and quote/dash variants; the first such place.
     */
    public static Optional<TextUnit> locateTerm(String text, String term) {
        String wanted = term == null ? "" : term.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Folded haystack = fold(text);
        String needle = fold(wanted).text;
        for (int at = haystack.text.indexOf(needle); at >= 0; at = haystack.text.indexOf(needle, at + 1)) {
            int start = haystack.offsets[at];
            int end = haystack.offsets[at + needle.length() - 1] + 1;
            boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
            boolean wordEnd = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (wordStart && wordEnd) {
                return Optional.of(new TextUnit(text.substring(start, end), start, end));
            }
        }
        return Optional.empty();
    }

    /** Text with case, white space and quote/dash variants folded, and each folded char's source offset. */
    private record Folded(String text, int[] offsets) {
    }

    private static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] offsets = new int[text.length()];
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space && out.length() > 0) {
                    offsets[out.length()] = i;
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            offsets[out.length()] = i;
            out.append(fold(c));
        }
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) == ' ') {
            out.setLength(length - 1);
        }
        return new Folded(out.toString(), offsets);
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201F', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
            default -> Character.toLowerCase(c); // char to char: offsets stay one to one
        };
    }
}

package dev.proda.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The head of a noun phrase such as the object of an is-a statement: "a thermionic tube having two
 * electrodes" → "thermionic tube" (the noun group the phrase is about, without determiners and without
 * its post-modifiers; its last word is the head noun).
 */
public final class Heads {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "any", "some", "this", "that");
    private static final Set<String> BOUNDARIES = Set.of("of", "in", "on", "at", "to", "for", "with", "by", "from",
            "as", "into", "that", "which", "who", "whose", "where", "when", "than", "and", "or", "but", "is", "are");

    private Heads() {
    }

    /** The noun group of {@code phrase}, or null when none is found. */
    public static String of(String phrase) {
        List<String> group = new ArrayList<>();
        for (String token : phrase.strip().split("\\s+")) {
            String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            String lower = word.toLowerCase(Locale.ROOT);
            if (group.isEmpty() && DETERMINERS.contains(lower)) {
                continue;
            }
            if (word.isEmpty() || BOUNDARIES.contains(lower)) {
                break;
            }
            group.add(word);
            if (!token.equals(word)) {
                break; // punctuation after the word closes the group
            }
        }
        return group.isEmpty() ? null : String.join(" ", group);
    }
}

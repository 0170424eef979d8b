package dev.proda.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Word n-grams, for overlap checks between training data and benchmark items. */
public final class NGrams {
    private NGrams() {
    }

    public static Set<String> of(String text, int n) {
        List<String> words = Segmenter.words(text);
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + n)));
        }
        return grams;
    }

    /** Fraction of {@code text}'s n-grams that occur in {@code reference} (0 when text is shorter than n). */
    public static double containment(String text, Set<String> reference, int n) {
        Set<String> grams = of(text, n);
        if (grams.isEmpty()) {
            return 0;
        }
        long shared = grams.stream().filter(reference::contains).count();
        return (double) shared / grams.size();
    }
}

package dev.proda.tester;

import dev.proda.text.Terms;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word overlap between an option and a stem: shared content words, singularised. The stem-overlap
 * baseline scores with it, and item construction requires it to be zero for every option, so that the
 * stem never points at the key (and no other option either).
 */
final class Overlap {
    private Overlap() {
    }

    static Set<String> words(String text) {
        return Terms.contentWords(text).stream().map(Terms::singular).collect(Collectors.toSet());
    }

    static int count(String option, String stem) {
        Set<String> shared = new HashSet<>(words(option));
        shared.retainAll(words(stem));
        return shared.size();
    }

    static boolean disjoint(String a, String b) {
        return count(a, b) == 0;
    }
}

package dev.proda.build;

import java.util.Map;

/** How relations read in English (for samples, items and probes). */
public final class Phrasing {
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("is-a", "is"), Map.entry("defined-as", "is defined as"), Map.entry("used-for", "is used for"),
            Map.entry("has-part", "consists of"), Map.entry("part-of", "is part of"), Map.entry("causes", "leads to"),
            Map.entry("requires", "requires"), Map.entry("measured-in", "is measured in"),
            Map.entry("enables", "allows"), Map.entry("has-property", "is"));

    private Phrasing() {
    }

    /** The verb phrase of a predicate: "is", "is used for" … */
    public static String verb(String predicate) {
        return VERBS.getOrDefault(predicate, predicate.replace('-', ' '));
    }

    /** {@code subject verb object} as a sentence. */
    public static String sentence(String subject, String predicate, String object) {
        return capitalise(subject) + " " + verb(predicate) + " " + object + ".";
    }

    public static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static String quote(String text) {
        return "\"" + text + "\"";
    }
}

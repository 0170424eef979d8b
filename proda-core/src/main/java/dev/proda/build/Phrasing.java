package dev.proda.build;

import java.util.Map;

/** How relations read in English (for samples, items and probes). */
public final class Phrasing {
    private static final Map<String, String> VERBS = Map.of(
            "is-a", "is", "defined-as", "is defined as", "used-for", "is used for", "has-part", "consists of",
            "part-of", "is part of", "causes", "leads to", "requires", "requires", "measured-in",
            "is measured in", "enables", "allows");

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

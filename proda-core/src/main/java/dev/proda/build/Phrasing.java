package dev.proda.build;

import java.util.Map;

/** How relations read in English (for samples, items and probes). */
public final class Phrasing {
    /** Objects are bare concept terms ("linear model"), so each verb phrase reads right before one. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("is-a", "is a kind of"), Map.entry("defined-as", "is defined as"),
            Map.entry("used-for", "is used for"), Map.entry("has-part", "has a part called"),
            Map.entry("part-of", "is part of"), Map.entry("causes", "causes"), Map.entry("requires", "requires"),
            Map.entry("measured-in", "is measured in"), Map.entry("enables", "enables"),
            Map.entry("has-property", "has the property"), Map.entry("next-step", "is followed by"));

    private Phrasing() {
    }

    /** The verb phrase of a predicate: "is", "is used for" … */
    public static String verb(String predicate) {
        return VERBS.getOrDefault(predicate, predicate.replace('-', ' '));
    }

    /** {@code subject verb object} as a sentence ("a kind of" takes the object without its article). */
    public static String sentence(String subject, String predicate, String object) {
        String bare = predicate.equals("is-a") ? object.strip().replaceFirst("(?i)^(a|an|the)\\s+", "") : object;
        return capitalise(subject) + " " + verb(predicate) + " " + bare + ".";
    }

    /** "Name one thing that is a kind of drawing program.": asks for the subject of a relation. */
    public static String memberQuestion(String predicate, String object) {
        String bare = predicate.equals("is-a") ? object.strip().replaceFirst("(?i)^(a|an|the)\\s+", "") : object;
        return "Name one thing that " + verb(predicate) + " " + bare + ".";
    }

    public static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static String quote(String text) {
        return "\"" + text + "\"";
    }
}

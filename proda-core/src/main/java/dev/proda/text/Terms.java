package dev.proda.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Normalisation of terms so that surface variants ("Decision Trees", "decision tree") meet. */
public final class Terms {
    public static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for",
            "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "by", "with", "as", "from",
            "that", "this", "these", "those", "it", "its", "they", "their", "them", "we", "our", "you", "your",
            "he", "she", "his", "her", "which", "who", "whom", "what", "when", "where", "why", "how", "there",
            "here", "not", "no", "can", "could", "may", "might", "will", "would", "should", "shall", "must",
            "do", "does", "did", "has", "have", "had", "if", "then", "than", "so", "such", "each", "all", "any",
            "some", "one", "also", "into", "about", "over", "under", "more", "most", "other", "only", "very");

    private static final java.util.Map<String, String> IRREGULAR = java.util.Map.ofEntries(
            java.util.Map.entry("children", "child"), java.util.Map.entry("men", "man"),
            java.util.Map.entry("women", "woman"), java.util.Map.entry("feet", "foot"),
            java.util.Map.entry("teeth", "tooth"), java.util.Map.entry("mice", "mouse"),
            java.util.Map.entry("indices", "index"), java.util.Map.entry("matrices", "matrix"),
            java.util.Map.entry("vertices", "vertex"), java.util.Map.entry("analyses", "analysis"),
            java.util.Map.entry("hypotheses", "hypothesis"), java.util.Map.entry("criteria", "criterion"),
            java.util.Map.entry("phenomena", "phenomenon"), java.util.Map.entry("species", "species"),
            java.util.Map.entry("series", "series"), java.util.Map.entry("axes", "axis"),
            java.util.Map.entry("genera", "genus"), java.util.Map.entry("taxa", "taxon"),
            java.util.Map.entry("loci", "locus"), java.util.Map.entry("nuclei", "nucleus"),
            java.util.Map.entry("leaves", "leaf"), java.util.Map.entry("lives", "life"),
            // singulars in -as, and their plurals in -ases ("alias" is no plural of "alia")
            java.util.Map.entry("alias", "alias"), java.util.Map.entry("aliases", "alias"),
            java.util.Map.entry("bias", "bias"), java.util.Map.entry("biases", "bias"),
            java.util.Map.entry("atlas", "atlas"), java.util.Map.entry("atlases", "atlas"),
            java.util.Map.entry("canvas", "canvas"), java.util.Map.entry("canvases", "canvas"),
            java.util.Map.entry("gases", "gas"),
            // "-ics" names a field ("economics", "statistics") except in these count nouns
            java.util.Map.entry("metrics", "metric"), java.util.Map.entry("topics", "topic"),
            java.util.Map.entry("heuristics", "heuristic"), java.util.Map.entry("characteristics", "characteristic"),
            java.util.Map.entry("diagnostics", "diagnostic"));

    private Terms() {
    }

    /** Lower-case, words only, each word crudely singularised: the key under which concepts merge. */
    public static String key(String term) {
        java.util.regex.Matcher m = ACRONYM_PLURAL.matcher(term);
        String text = m.find() ? m.replaceAll("$1") : term;
        // "C++" and "C#" are not "C": their signs become letters before the word split drops them.
        text = text.replaceAll("(?<=\\p{L})\\+\\+", "plusplus").replaceAll("(?<=\\p{L})#", "sharp");
        return Segmenter.words(text).stream().map(Terms::singular).collect(Collectors.joining(" "));
    }

    /** Whether {@code text} holds the term whose merge key is {@code key}, word for word (plurals and case aside). */
    public static boolean containsKey(String text, String key) {
        return !key.isEmpty() && (" " + key(text) + " ").contains(" " + key + " ");
    }

    /** "DTs", "CPUs": an acronym's plural, which the word rule (too short, or upper case) would miss. */
    private static final java.util.regex.Pattern ACRONYM_PLURAL =
            java.util.regex.Pattern.compile("\\b(\\p{Lu}{2,})s\\b");

    /** A crude English singular: "processes" → "process", "trees" → "tree", "species" and "analysis" kept. */
    public static String singular(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() > 4 && word.endsWith("ies") && !word.endsWith("eies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches")
                || word.endsWith("xes") || word.endsWith("zzes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is") && !word.endsWith("ies") && !word.endsWith("ics") && !word.endsWith("'s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }


    /** Content words of a text (no stopwords), lower-cased. */
    public static List<String> contentWords(String text) {
        return Segmenter.words(text).stream().filter(w -> !STOPWORDS.contains(w)).toList();
    }

    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

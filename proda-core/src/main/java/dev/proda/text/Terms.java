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

    private Terms() {
    }

    /** Lower-case, words only, each word crudely singularised: the key under which concepts merge. */
    public static String key(String term) {
        return Segmenter.words(term).stream().map(Terms::singular).collect(Collectors.joining(" "));
    }

    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
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

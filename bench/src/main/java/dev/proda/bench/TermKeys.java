package dev.proda.bench;

import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the prose bench compares terms: {@link Terms#key} (the key the extractor merges concepts by) after a
 * leading article is dropped, so "the decision trees" meets "decision tree".
 */
final class TermKeys {
    /** Longest term, in words, that {@link #grams} looks for in a text. */
    static final int MAX_WORDS = 8;

    private static final Pattern LEADING_ARTICLE = Pattern.compile("(?i)^\\s*(?:a|an|the)\\s+");
    /** The extractor's word (see {@code Segmenter.words}): letters and digits, inner hyphens and apostrophes. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");

    private TermKeys() {
    }

    static String key(String term) {
        return Terms.key(LEADING_ARTICLE.matcher(term).replaceFirst(""));
    }

    static Set<String> keys(Collection<String> terms) {
        Set<String> keys = new HashSet<>();
        for (String term : terms) {
            String key = key(term);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The keys of every run of 1 to {@link #MAX_WORDS} words of {@code text} whose words are separated by
     * whitespace only: a term occurs in the text, case-insensitive and at word boundaries, when its key is
     * among them. Punctuation between two words ends a run, so "trees, forests" does not hold "tree forest".
     */
    static Set<String> grams(String text) {
        Set<String> grams = new HashSet<>();
        List<String> run = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        int previousEnd = -1;
        while (words.find()) {
            if (previousEnd >= 0 && !text.substring(previousEnd, words.start()).isBlank()) {
                run.clear();
            }
            run.add(Terms.key(words.group()));
            if (run.size() > MAX_WORDS) {
                run.remove(0);
            }
            previousEnd = words.end();
            StringBuilder gram = new StringBuilder();
            for (int i = run.size() - 1; i >= 0; i--) {
                gram.insert(0, i == run.size() - 1 ? run.get(i) : run.get(i) + " ");
                grams.add(gram.toString());
            }
        }
        return grams;
    }
}

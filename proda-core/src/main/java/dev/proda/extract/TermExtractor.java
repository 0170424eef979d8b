package dev.proda.extract;

import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain terms by C-value (Frantzi, Ananiadou &amp; Mima 2000): candidates are the noun groups of tagged
 * sentences (adjectives and nouns ending in a noun, up to five words) and every sub-group of them that
 * ends in a noun; each is counted over the whole corpus under its merge key ({@link Terms#key}), and
 *
 * <pre>  C(a) = log2(|a| + 1) · ( f(a) − mean f(b) over the longer candidates b that contain a )</pre>
 *
 * (the mean term is left out when no longer candidate contains a; |a| + 1 instead of |a| lets
 * one-word terms score). A term is kept when f(a) ≥ {@link #MIN_FREQUENCY} and C(a) ≥ {@link #MIN_C_VALUE}.
 */
final class TermExtractor {
    static final int MAX_WORDS = 5;
    static final int MIN_FREQUENCY = 3;
    static final double MIN_C_VALUE = 4.0;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");
    private static final Set<String> GENERIC = Set.of("example", "examples", "way", "thing", "things", "case",
            "cases", "number", "lot", "kind", "type", "sort", "part", "use", "time", "times", "one", "ones", "order",
            "fact", "other", "others", "set", "end", "point", "form", "result", "results", "see", "etc", "e.g", "i.e");

    private TermExtractor() {
    }

    /** Noun-group candidates of one tagged sentence (merge keys). */
    static void candidates(Tagger.Tagged t, Set<String> into) {
        int n = t.tagged();
        int i = 0;
        while (i < n) {
            if (!groupWord(t, i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && groupWord(t, j)) {
                j++;
            }
            // every sub-run that ends in a noun, at most MAX_WORDS long
            for (int end = i + 1; end <= j; end++) {
                if (!t.nounLike(end - 1)) {
                    continue;
                }
                for (int start = Math.max(i, end - MAX_WORDS); start < end; start++) {
                    String key = key(t, start, end);
                    if (key != null) {
                        into.add(key);
                    }
                }
            }
            i = j;
        }
    }

    private static boolean groupWord(Tagger.Tagged t, int i) {
        String tag = t.tags()[i];
        return (tag.equals("NOUN") || tag.equals("PROPN") || tag.equals("ADJ"))
                && Character.isLetter(t.tokens().get(i).charAt(0));
    }

    private static String key(Tagger.Tagged t, int start, int end) {
        String first = t.lower(start);
        String last = t.lower(end - 1);
        if (Terms.STOPWORDS.contains(first) || Terms.STOPWORDS.contains(last) || GENERIC.contains(last)
                || last.length() < 3) {
            return null;
        }
        String key = Terms.key(t.text().substring(t.starts()[start], t.ends()[end - 1]));
        return key.isEmpty() ? null : key;
    }

    /** An occurrence of a term in a document. */
    record Occurrence(String key, String surface, int start, int end) {
    }

    /** The candidate keys and every word prefix of them, so that a scan stops as soon as no key can match. */
    record Lexicon(Set<String> keys, Set<String> prefixes) {
        static Lexicon of(Set<String> keys) {
            Set<String> prefixes = new java.util.HashSet<>();
            for (String key : keys) {
                for (int i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) {
                    prefixes.add(key.substring(0, i));
                }
            }
            return new Lexicon(Set.copyOf(keys), Set.copyOf(prefixes));
        }
    }

    /**
     * Occurrences of the lexicon's keys in one text (all n-grams of up to {@link #MAX_WORDS} words,
     * overlapping ones included so that nested counts are right). N-grams never cross punctuation.
     */
    static List<Occurrence> occurrences(String text, int offset, Lexicon lexicon) {
        List<int[]> words = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
            forms.add(Terms.singular(m.group().toLowerCase(Locale.ROOT)));
        }
        List<Occurrence> found = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String key = forms.get(i);
            for (int k = i; k < Math.min(forms.size(), i + MAX_WORDS); k++) {
                if (k > i) {
                    if (!blank(text, words.get(k - 1)[1], words.get(k)[0])) {
                        break;
                    }
                    key = key + ' ' + forms.get(k);
                }
                if (lexicon.keys().contains(key)) {
                    int start = words.get(i)[0];
                    int end = words.get(k)[1];
                    found.add(new Occurrence(key, text.substring(start, end), offset + start, offset + end));
                }
                if (!lexicon.prefixes().contains(key)) {
                    break;
                }
            }
        }
        return found;
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** C-value of every candidate from its corpus frequency; returns the kept terms with their C-values. */
    static Map<String, Double> select(Map<String, Integer> frequency) {
        Map<String, List<String>> containers = new HashMap<>();
        for (String term : frequency.keySet()) {
            String[] words = term.split(" ");
            for (int len = 1; len < words.length; len++) {
                for (int start = 0; start + len <= words.length; start++) {
                    String inner = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + len));
                    if (frequency.containsKey(inner)) {
                        containers.computeIfAbsent(inner, k -> new ArrayList<>()).add(term);
                    }
                }
            }
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        frequency.keySet().stream().sorted().forEach(term -> {
            int f = frequency.get(term);
            if (f < MIN_FREQUENCY) {
                return;
            }
            int length = term.split(" ").length;
            List<String> longer = containers.getOrDefault(term, List.of());
            double nested = longer.isEmpty() ? 0
                    : longer.stream().mapToInt(frequency::get).average().orElse(0);
            double c = Math.log(length + 1) / Math.log(2) * (f - nested);
            if (c >= MIN_C_VALUE) {
                kept.put(term, c);
            }
        });
        return kept;
    }
}

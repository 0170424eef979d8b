package dev.proda.extract;

import dev.proda.project.Corpus;
import dev.proda.text.Segmenter;
import dev.proda.text.Terms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much a single word belongs to the corpus rather than to general English: the ratio of its relative
 * frequency in the corpus to that in general text ("weirdness", Ahmad, Gillam and Tostevin 1999). General
 * English is the bundled word list {@code general-words.tsv}, counted from the WordNet glosses (see its
 * attribution file). "algorithm" is some 150 times more frequent in the example corpus than in general
 * English; "fire", "road" and "used" are rarer there than in general English, so they are weak terms.
 */
final class Termhood {
    /** Below this ratio a word is no more the corpus's than everyone's. */
    static final double COMMON = 1.0;
    private static final String RESOURCE = "general-words.tsv";
    private static final General GENERAL = General.load();

    private record General(Map<String, Long> counts, long total) {
        static General load() {
            Map<String, Long> counts = new HashMap<>();
            long total = 0;
            try (InputStream in = Termhood.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE + " next to " + Termhood.class);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int tab = line.indexOf('\t');
                    long count = Long.parseLong(line.substring(tab + 1));
                    if (line.startsWith("#total")) {
                        total = count;
                    } else {
                        counts.merge(Terms.singular(line.substring(0, tab)), count, Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new General(Map.copyOf(counts), total);
        }
    }

    private final Map<String, Integer> corpus;
    private final long corpusTotal;

    private Termhood(Map<String, Integer> corpus, long corpusTotal) {
        this.corpus = corpus;
        this.corpusTotal = corpusTotal;
    }

    /** Word counts of the corpus (lower case, singular). */
    static Termhood of(List<Corpus.Document> documents) {
        Map<String, Integer> counts = new HashMap<>();
        long total = 0;
        for (Corpus.Document document : documents) {
            total += count(document.text(), counts);
        }
        return of(counts, total);
    }

    /** From word counts already made by {@link #count}. */
    static Termhood of(Map<String, Integer> counts, long total) {
        return new Termhood(counts, Math.max(1, total));
    }

    /** Adds the words of {@code text} (lower case, singular) to {@code counts}; returns how many there were. */
    static long count(String text, Map<String, Integer> counts) {
        long[] total = {0};
        // word by word: a list of a 50 MB document's words took more memory than the rest of extract
        Segmenter.forEachWord(text, word -> {
            counts.merge(Terms.singular(word), 1, Integer::sum);
            total[0]++;
        });
        return total[0];
    }

    /** Whether general English uses the word at all ("object" does, "grep" does not). */
    static boolean inGeneralEnglish(String word) {
        return GENERAL.counts().containsKey(Terms.singular(word.toLowerCase(Locale.ROOT)));
    }

    /** The weirdness of one word (add-one smoothed on the general side). */
    double weirdness(String word) {
        String key = Terms.singular(word.toLowerCase(Locale.ROOT));
        double inCorpus = corpus.getOrDefault(key, 0) / (double) corpusTotal;
        double inGeneral = (GENERAL.counts().getOrDefault(key, 0L) + 1) / (double) Math.max(1, GENERAL.total());
        return inCorpus / inGeneral;
    }

    /**
     * Whether a term is one common English word used in its everyday sense: a single lower-case word no
     * more frequent in the corpus than in general English. Names, codes and multi-word terms are never
     * common: their form marks them as terms.
     */
    boolean common(String term) {
        return term.chars().allMatch(c -> Character.isLowerCase(c) || c == '-') && weirdness(term) < COMMON;
    }
}

package dev.proda.bench;

import dev.proda.text.Terms;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * Whether OpenNLP's English lemmatizer should replace {@link Terms#singular}, the rule-based singular under
 * which the extractor merges concepts ("decision trees" and "decision tree"). Both are scored on the nouns
 * of the gold's definitions against WordNet's own lemmatiser (morphy: exception list + suffix rules, checked
 * against WordNet's noun lemmas); a token counts only when morphy finds exactly one base form.
 */
public final class LemmaBench {
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LEMMA_MODEL = "/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
    private static final int SHOWN_ERRORS = 12;

    private LemmaBench() {
    }

    /** Counts of one run. */
    public record Scores(int nounTokens, int singularRight, int lemmatizerRight, double lemmatizerSeconds) {
        public double singularAccuracy() {
            return nounTokens == 0 ? 0 : (double) singularRight / nounTokens;
        }

        public double lemmatizerAccuracy() {
            return nounTokens == 0 ? 0 : (double) lemmatizerRight / nounTokens;
        }
    }

    public static void run(WordNetGold gold, PrintWriter out) {
        POSModel posModel = load(POS_MODEL, POSModel::new);
        POSTaggerME tagger = new POSTaggerME(posModel);
        LemmatizerME lemmatizer = new LemmatizerME(load(LEMMA_MODEL, LemmatizerModel::new));
        Map<String, Integer> singularErrors = new HashMap<>();
        Map<String, Integer> lemmatizerErrors = new HashMap<>();
        int nouns = 0;
        int singularRight = 0;
        int lemmatizerRight = 0;
        long lemmatizerNanos = 0;
        for (WordNetGold.Synset synset : gold.synsets()) {
            String[] tokens = SimpleTokenizer.INSTANCE.tokenize(synset.definition());
            String[] tags = tagger.tag(tokens);
            long start = System.nanoTime();
            String[] lemmas = lemmatizer.lemmatize(tokens, tags);
            lemmatizerNanos += System.nanoTime() - start;
            for (int i = 0; i < tokens.length; i++) {
                String word = tokens[i].toLowerCase(Locale.ROOT);
                if (!tags[i].equals("NOUN") || !word.chars().allMatch(Character::isLetter)) {
                    continue;
                }
                Set<String> bases = gold.baseForms(word);
                if (bases.size() != 1) {
                    continue;
                }
                String base = bases.iterator().next();
                nouns++;
                String singular = Terms.singular(word);
                String lemma = lemmas[i].toLowerCase(Locale.ROOT);
                if (singular.equals(base)) {
                    singularRight++;
                } else {
                    singularErrors.merge(word + " → " + singular + " (WordNet: " + base + ")", 1, Integer::sum);
                }
                if (lemma.equals(base)) {
                    lemmatizerRight++;
                } else {
                    lemmatizerErrors.merge(word + " → " + lemma + " (WordNet: " + base + ")", 1, Integer::sum);
                }
            }
        }
        Scores s = new Scores(nouns, singularRight, lemmatizerRight, lemmatizerNanos / 1e9);
        out.printf(Locale.ROOT, "lemma bench: nouns (OpenNLP POS tags) of %d WordNet 3.0 definitions whose base form "
                + "WordNet's morphy finds unambiguously: %d tokens%n", gold.synsets().size(), s.nounTokens());
        out.printf(Locale.ROOT, "  Terms.singular (the extractor's merge key)   %.4f right%n", s.singularAccuracy());
        out.printf(Locale.ROOT, "  OpenNLP lemmatizer (en-ud-ewt 1.3)           %.4f right (%.1f s)%n",
                s.lemmatizerAccuracy(), s.lemmatizerSeconds());
        printErrors(out, "Terms.singular", singularErrors);
        printErrors(out, "OpenNLP lemmatizer", lemmatizerErrors);
        out.printf(Locale.ROOT, "{\"noun_tokens\":%d,\"singular_accuracy\":%.4f,\"opennlp_lemmatizer_accuracy\":%.4f}%n",
                s.nounTokens(), s.singularAccuracy(), s.lemmatizerAccuracy());
        out.flush();
    }

    private static void printErrors(PrintWriter out, String name, Map<String, Integer> errors) {
        out.printf(Locale.ROOT, "  %s: %d distinct errors, most frequent: %s%n", name, errors.size(),
                errors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(SHOWN_ERRORS)
                        .map(e -> e.getKey() + " ×" + e.getValue()).toList());
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = LemmaBench.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " missing from the class path");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

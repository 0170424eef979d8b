package dev.proda.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * Tokens with offsets and Universal Dependencies part-of-speech tags, for the sentences that need them.
 *
 * <p>Tags come from Apache OpenNLP's English UD-EWT model (Maven artefact
 * {@code org.apache.opennlp:opennlp-models-pos-en}). Tokens come from a rule tokenizer that follows the
 * model's training tokenization (words with inner hyphens, apostrophes and dots; clitics {@code n't},
 * {@code 's} split off; every other symbol on its own): it keeps exact offsets and is far faster than
 * OpenNLP's statistical tokenizer, which would halve throughput for no gain on this kind of text.
 * Decoding is greedy (the model's best valid tag for each token in turn, given the tags before it)
 * instead of OpenNLP's beam of 3: about three times faster, and on this use — nouns, adjectives, verbs
 * around a copula — the two agree on nearly every token (see {@code TaggerTest}). The context generator
 * keeps state, so each thread gets its own over the one shared model.
 */
final class Tagger {
    static final int LOOKAHEAD = 12;
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:[-_'’.][\\p{L}\\p{N}]+)*|\\S");
    private static final ThreadLocal<Greedy> TAGGER = ThreadLocal.withInitial(Greedy::new);

    private static final class Model {
        static final POSModel POS = load();
        static final MaxentModel MAXENT = (MaxentModel) POS.getArtifact("pos.model");

        private static POSModel load() {
            try (InputStream in = Tagger.class.getResourceAsStream(POS_MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP model " + POS_MODEL + " is not on the class path");
                }
                return new POSModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Tags of closed word classes. The model gives them to rare content words now and then
     * ("androgenic/CCONJ", "plant-eating/PUNCT", "Cincinnati/PRON"); a word outside the closed lists
     * below then gets its best open-class tag instead.
     */
    private static final java.util.Set<String> CLOSED_TAGS = java.util.Set.of("ADP", "AUX", "CCONJ", "DET", "PART",
            "PRON", "SCONJ", "PUNCT", "SYM");
    private static final java.util.Set<String> CLOSED_WORDS = java.util.Set.of(
            // determiners and pronouns
            "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "some", "any",
            "no", "all", "both", "another", "other", "such", "what", "which", "whichever", "whatever", "whose",
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
            "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
            "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "one", "ones", "oneself",
            "someone", "somebody", "something", "anyone", "anybody", "anything", "everyone", "everybody",
            "everything", "nobody", "nothing", "none", "many", "much", "more", "most", "few", "fewer", "less",
            "least", "several", "enough", "half", "own", "same", "there", "here", "thy", "thee", "ye",
            // prepositions and particles
            "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "into", "onto", "upon", "within",
            "without", "between", "among", "amongst", "about", "above", "below", "under", "over", "after", "before",
            "during", "through", "throughout", "across", "along", "around", "against", "behind", "beside",
            "besides", "beyond", "despite", "down", "up", "off", "out", "outside", "inside", "near", "past", "per",
            "since", "than", "till", "until", "toward", "towards", "via", "like", "unlike", "except", "plus",
            "minus", "versus", "vs", "amid", "beneath", "underneath", "not", "n't", "'s", "’s", "'", "’",
            "away", "back", "including", "regarding", "concerning", "following", "according", "due", "whether",
            // conjunctions
            "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while", "whereas",
            "unless", "once", "when", "whenever", "where", "wherever", "how", "why", "then", "also",
            "&", "whereby", "lest", "thus", "hence",
            // auxiliaries
            "be", "is", "are", "am", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does",
            "did", "doing", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
            "'re", "'ve", "'ll", "'d", "'m", "ca", "wo", "get", "gets", "got");

    /** Whether a token may carry a closed-class tag: a listed function word, or no letter or digit at all. */
    static boolean closedWord(String token) {
        return CLOSED_WORDS.contains(token.toLowerCase(java.util.Locale.ROOT))
                || token.chars().noneMatch(Character::isLetterOrDigit);
    }

    /** Greedy left-to-right decoding with the model's own context generator and tag dictionary. */
    private static final class Greedy {
        final POSContextGenerator contexts = Model.POS.getFactory().getPOSContextGenerator(0);
        final SequenceValidator<String> validator = Model.POS.getFactory().getSequenceValidator();
        final MaxentModel model = Model.MAXENT;
        final double[] probabilities = new double[model.getNumOutcomes()];

        String[] tag(String[] tokens) {
            String[] tags = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                String[] previous = java.util.Arrays.copyOf(tags, i);
                String[] context = contexts.getContext(i, tokens, previous, null);
                double[] p = model.eval(context, probabilities);
                tags[i] = best(p, i, tokens, previous);
            }
            return tags;
        }

        /** The most probable outcome that the tag dictionary allows for this token. */
        private String best(double[] p, int i, String[] tokens, String[] previous) {
            boolean[] rejected = new boolean[p.length];
            for (int tries = 0; tries < p.length; tries++) {
                int best = -1;
                for (int o = 0; o < p.length; o++) {
                    if (!rejected[o] && (best < 0 || p[o] > p[best])) {
                        best = o;
                    }
                }
                String outcome = model.getOutcome(best);
                if ((validator == null || validator.validSequence(i, tokens, previous, outcome))
                        && (!CLOSED_TAGS.contains(outcome) || closedWord(tokens[i]))) {
                    return outcome;
                }
                rejected[best] = true;
            }
            return model.getOutcome(0);
        }
    }

    /** A tagged sentence: token {@code i} is {@code text.substring(starts[i], ends[i])}. */
    record Tagged(String text, List<String> tokens, int[] starts, int[] ends, String[] tags) {
        int size() {
            return tokens.size();
        }

        /** The first token that starts at or after character {@code offset} ({@link #size()} if none). */
        int tokenAt(int offset) {
            int i = 0;
            while (i < starts.length && starts[i] < offset) {
                i++;
            }
            return i;
        }

        /** How many leading tokens carry a tag. */
        int tagged() {
            return tags.length;
        }

        String lower(int i) {
            return tokens.get(i).toLowerCase(java.util.Locale.ROOT);
        }

        boolean is(int i, String tag) {
            return i >= 0 && i < tags.length && tags[i].equals(tag);
        }

        boolean nounLike(int i) {
            return is(i, "NOUN") || is(i, "PROPN");
        }
    }

    private Tagger() {
    }

    static Tagged tag(String sentence) {
        return tag(sentence, Integer.MAX_VALUE);
    }

    /**
     * Tokens of the whole sentence, tags for those that start before character {@code tagUntil} plus
     * {@link #LOOKAHEAD} more (the model looks two tokens ahead, so the tags near the cut stay right).
     */
    static Tagged tag(String sentence, int tagUntil) {
        List<String> tokens = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String word = m.group();
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            int split = -1;
            if (lower.endsWith("n't") && word.length() > 3) {
                split = end - 3;
            } else if ((lower.endsWith("'s") || lower.endsWith("’s")) && word.length() > 2) {
                split = end - 2;
            }
            if (split > start) {
                add(sentence, start, split, tokens, offsets);
                add(sentence, split, end, tokens, offsets);
            } else {
                add(sentence, start, end, tokens, offsets);
            }
        }
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = offsets.get(i)[0];
            ends[i] = offsets.get(i)[1];
        }
        int tagged = 0;
        while (tagged < tokens.size() && starts[tagged] < tagUntil) {
            tagged++;
        }
        tagged = Math.min(tokens.size(), tagged + LOOKAHEAD);
        String[] tags = tagged == 0 ? new String[0]
                : TAGGER.get().tag(tokens.subList(0, tagged).toArray(String[]::new));
        return new Tagged(sentence, List.copyOf(tokens), starts, ends, tags);
    }

    private static void add(String sentence, int start, int end, List<String> tokens, List<int[]> offsets) {
        tokens.add(sentence.substring(start, end));
        offsets.add(new int[] {start, end});
    }
}

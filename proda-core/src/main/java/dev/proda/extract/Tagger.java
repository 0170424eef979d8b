package dev.proda.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Tokens with offsets and Universal Dependencies part-of-speech tags, for the sentences that need them.
 *
 * <p>Tags come from Apache OpenNLP's English UD-EWT model (Maven artefact
 * {@code org.apache.opennlp:opennlp-models-pos-en}). Tokens come from a rule tokenizer that follows the
 * model's training tokenization (words with inner hyphens, apostrophes and dots; clitics {@code n't},
 * {@code 's} split off; every other symbol on its own): it keeps exact offsets and is far faster than
 * OpenNLP's statistical tokenizer, which would halve throughput for no gain on this kind of text.
 * A tagger is not thread-safe; each thread gets its own over the one shared model.
 */
final class Tagger {
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*|\\S");
    private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(Model.POS));

    private static final class Model {
        static final POSModel POS = load();

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

    /** A tagged sentence: token {@code i} is {@code text.substring(starts[i], ends[i])}. */
    record Tagged(String text, List<String> tokens, int[] starts, int[] ends, String[] tags) {
        int size() {
            return tokens.size();
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
        String[] tags = tokens.isEmpty() ? new String[0] : TAGGER.get().tag(tokens.toArray(String[]::new));
        return new Tagged(sentence, List.copyOf(tokens), starts, ends, tags);
    }

    private static void add(String sentence, int start, int end, List<String> tokens, List<int[]> offsets) {
        tokens.add(sentence.substring(start, end));
        offsets.add(new int[] {start, end});
    }
}

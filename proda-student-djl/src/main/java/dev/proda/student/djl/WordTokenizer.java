package dev.proda.student.djl;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lower-casing word tokenizer with a character fallback, so that nothing the model saw in its
 * vocabulary texts becomes {@code <unk>}.
 *
 * <p>Text is split into words (runs of letters and digits) and single punctuation characters;
 * whitespace is implicit. A word in the vocabulary is one token. Any other word is spelled out
 * WordPiece-style: its first character as a plain character token, each further character as a
 * {@code ##c} continuation token, which keeps word boundaries recoverable. Only characters never
 * seen when the vocabulary was built map to {@code <unk>}.
 *
 * <p>Ids are assigned in a fixed order: specials, characters, continuations, words; each group by
 * count descending then alphabetically, so the same texts always give the same vocabulary.
 */
public final class WordTokenizer {

    public static final String PAD = "<pad>";
    public static final String EOT = "<eot>";
    public static final String UNK = "<unk>";
    static final String CONTINUATION = "##";
    static final String FORMAT = "proda-word-tokenizer/1";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");
    private static final Pattern WORD_START = Pattern.compile("[\\p{L}\\p{N}]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private WordTokenizer(List<String> tokens) {
        if (tokens.size() < 3 || !tokens.get(0).equals(PAD) || !tokens.get(1).equals(EOT)
                || !tokens.get(2).equals(UNK)) {
            throw new IllegalArgumentException("vocabulary must start with " + PAD + ", " + EOT + ", " + UNK);
        }
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate token: " + tokens.get(i));
            }
        }
    }

    /**
     * Builds a vocabulary from {@code texts}: specials, every character seen (plain and as a
     * continuation), then the most frequent words seen at least {@code minWordCount} times, the whole
     * capped at {@code maxVocabulary} (rarest entries of the lowest-priority group dropped first).
     */
    public static WordTokenizer train(List<String> texts, int maxVocabulary, int minWordCount) {
        if (maxVocabulary < 3) {
            throw new IllegalArgumentException("maxVocabulary must leave room for the special tokens");
        }
        Map<String, Long> chars = new HashMap<>();
        Map<String, Long> continuations = new HashMap<>();
        Map<String, Long> words = new HashMap<>();
        for (String text : texts) {
            for (String piece : split(text)) {
                piece.codePoints().forEach(cp -> chars.merge(Character.toString(cp), 1L, Long::sum));
                if (isWord(piece)) {
                    // Every letter/digit may be needed as a continuation when spelling an unknown word.
                    piece.codePoints().forEach(cp -> continuations.merge(CONTINUATION + Character.toString(cp), 1L, Long::sum));
                    if (piece.codePointCount(0, piece.length()) > 1) {
                        words.merge(piece, 1L, Long::sum);
                    }
                }
            }
        }
        words.values().removeIf(count -> count < minWordCount);
        Set<String> vocabulary = new LinkedHashSet<>(List.of(PAD, EOT, UNK));
        for (Map<String, Long> group : List.of(chars, continuations, words)) {
            for (String token : byFrequency(group)) {
                if (vocabulary.size() >= maxVocabulary) {
                    break;
                }
                vocabulary.add(token);
            }
        }
        return new WordTokenizer(new ArrayList<>(vocabulary));
    }

    private static List<String> byFrequency(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Lower-cases and splits into words and single punctuation characters. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    private static boolean isWord(String piece) {
        return WORD_START.matcher(piece).lookingAt();
    }

    /** Token ids of {@code text} (no special tokens added). */
    public int[] encode(String text) {
        List<String> pieces = split(text);
        int[] out = new int[pieces.size() * 2];
        int n = 0;
        for (String piece : pieces) {
            Integer id = ids.get(piece);
            if (id != null) {
                out = ensure(out, n + 1);
                out[n++] = id;
                continue;
            }
            // Out of vocabulary: spell it out.
            int[] cps = piece.codePoints().toArray();
            out = ensure(out, n + cps.length);
            for (int i = 0; i < cps.length; i++) {
                String c = Character.toString(cps[i]);
                out[n++] = ids.getOrDefault(i == 0 ? c : CONTINUATION + c, unk());
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Token ids and where each token starts in the text it came from. */
    public record Encoded(int[] ids, int[] starts) {
    }

    /**
     * The ids {@link #encode} gives, each with the offset in {@code text} where its token starts (a spelled-out
     * word's pieces start at their own characters).
     */
    public Encoded encodeWithOffsets(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        // Lower-casing rarely changes the length ("İ"); then the pieces are found in the original text.
        boolean sameLength = lower.length() == text.length();
        Matcher m = TOKEN.matcher(sameLength ? lower : text);
        int[] ids = new int[text.length()];
        int[] starts = new int[text.length()];
        int n = 0;
        while (m.find()) {
            String piece = sameLength ? m.group() : m.group().toLowerCase(Locale.ROOT);
            Integer id = this.ids.get(piece);
            if (id != null) {
                ids[n] = id;
                starts[n++] = m.start();
                continue;
            }
            int offset = 0;
            int[] cps = piece.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                String c = Character.toString(cps[i]);
                ids = ensure(ids, n + 1);
                starts = ensure(starts, n + 1);
                ids[n] = this.ids.getOrDefault(i == 0 ? c : CONTINUATION + c, unk());
                starts[n++] = m.start() + Math.min(offset, m.end() - m.start() - 1);
                offset += Character.charCount(cps[i]);
            }
        }
        return new Encoded(Arrays.copyOf(ids, n), Arrays.copyOf(starts, n));
    }

    /** How {@code id} joins the text before it when the model writes it: " word", " ,", or a word's next letter. */
    public String written(int id) {
        String token = token(id);
        return token.startsWith(CONTINUATION) && token.length() > CONTINUATION.length()
                ? token.substring(CONTINUATION.length()) : " " + token;
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /** The token strings of {@code text}, for inspection. */
    public List<String> tokenize(String text) {
        int[] encoded = encode(text);
        List<String> out = new ArrayList<>(encoded.length);
        for (int id : encoded) {
            out.add(tokens.get(id));
        }
        return out;
    }

    /** Words separated by single spaces; continuation pieces glued to their word. */
    public String decode(int[] encoded) {
        StringBuilder sb = new StringBuilder();
        for (int id : encoded) {
            String token = token(id);
            if (token.startsWith(CONTINUATION) && token.length() > CONTINUATION.length()) {
                sb.append(token, CONTINUATION.length(), token.length());
            } else {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(token);
            }
        }
        return sb.toString();
    }

    public String token(int id) {
        return tokens.get(id);
    }

    /** Id of {@code token}, or -1 if it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    public int size() {
        return tokens.size();
    }

    public int pad() {
        return 0;
    }

    public int eot() {
        return 1;
    }

    public int unk() {
        return 2;
    }

    /** The vocabulary in id order. */
    public List<String> vocabulary() {
        return tokens;
    }

    /** Stored form: the vocabulary in id order (plus a format tag to catch foreign files). */
    record Stored(String format, boolean lowercase, List<String> tokens) { }

    public void save(Path file) {
        try {
            // One token per line: large vocabularies stay readable and diffable.
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            JSON.writer(printer).writeValue(file.toFile(), new Stored(FORMAT, true, tokens));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tokenizer " + file, e);
        }
    }

    public static WordTokenizer load(Path file) {
        Stored stored;
        try {
            stored = JSON.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + file, e);
        }
        if (!FORMAT.equals(stored.format())) {
            throw new IllegalArgumentException("not a " + FORMAT + " file: " + file);
        }
        return new WordTokenizer(stored.tokens());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordTokenizer other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }
}

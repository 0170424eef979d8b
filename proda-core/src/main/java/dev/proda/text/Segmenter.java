package dev.proda.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits documents into paragraphs (blank-line separated) and paragraphs into sentences, keeping exact
 * offsets. Sentence ends are '.', '?' or '!' followed by space and an upper-case letter, digit or quote,
 * except after common abbreviations.
 */
public final class Segmenter {
    /** A blank line; or a run of "++" marks standing alone, a paragraph break some exports write inline. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n|\\s\\+\\+(?:\\s+\\+\\+)*(?=\\s)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]?\\s+(?=[\\p{Lu}\\d\"'(])");
    /** Month abbreviations, a sentence end only when no day follows ("dated Jul. 1, 2016"). */
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec");
    private static final java.util.regex.Pattern DATE_GOES_ON = java.util.regex.Pattern.compile("\\s+\\d");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "vs", "cf", "dr", "mr", "mrs",
            "ms", "fig", "eq", "no", "al", "approx", "sec", "ch", "vol", "st", "jr", "inc", "ltd", "co", "u.s");
    /** A list item's number ("1.", "(2)") is no sentence of its own. */
    private static final Pattern LIST_MARKER = Pattern.compile("\\(?\\d{1,2}[.)]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*");

    /**
     * The longest sentence read for relations, in characters: about 20 times a long textbook sentence, and
     * far below what tagging one sentence in memory can afford. Longer "sentences" (a file with no sentence
     * ends) are cut into {@link #pieces} of at most this length, which are counted but not read for relations.
     */
    public static final int MAX_SENTENCE_CHARS = 2_000;

    private Segmenter() {
    }

    /**
     * {@code sentence} cut into pieces of at most {@link #MAX_SENTENCE_CHARS} characters, at the last blank
     * before the bound when there is one. Offsets are the document's.
     */
    public static List<TextUnit> pieces(String document, TextUnit sentence) {
        List<TextUnit> pieces = new ArrayList<>();
        addPieces(document, sentence.start(), sentence.end(), pieces);
        return pieces;
    }

    /**
     * A paragraph's sentences, bounded: {@code all} holds them in order, an overlong one as its {@link #pieces};
     * {@code sentences} only those of at most {@link #MAX_SENTENCE_CHARS}; {@code overlong} counts the others.
     */
    public record Bounded(List<TextUnit> all, List<TextUnit> sentences, int overlong) {
    }

    /** {@link #sentences}, bounded; an overlong sentence is never copied whole (it may be the whole file). */
    public static Bounded bounded(String document, TextUnit paragraph) {
        List<TextUnit> all = new ArrayList<>();
        List<TextUnit> sentences = new ArrayList<>();
        int[] overlong = {0};
        split(paragraph, (start, end) -> {
            while (start < end && Character.isWhitespace(document.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(document.charAt(end - 1))) {
                end--;
            }
            if (end - start > MAX_SENTENCE_CHARS) {
                overlong[0]++;
                addPieces(document, start, end, all);
            } else if (end > start) {
                TextUnit sentence = new TextUnit(document.substring(start, end), start, end);
                all.add(sentence);
                sentences.add(sentence);
            }
        });
        return new Bounded(all, sentences, overlong[0]);
    }

    private static void addPieces(String document, int from, int to, List<TextUnit> pieces) {
        int start = from;
        while (start < to) {
            int end = Math.min(to, start + MAX_SENTENCE_CHARS);
            if (end < to) {
                int blank = end;
                while (blank > start + MAX_SENTENCE_CHARS / 2 && !Character.isWhitespace(document.charAt(blank))) {
                    blank--;
                }
                end = Character.isWhitespace(document.charAt(blank)) ? blank : end;
                // a surrogate pair is never split
                end -= Character.isLowSurrogate(document.charAt(end)) ? 1 : 0;
            }
            addTrimmed(document, start, end, pieces);
            start = end;
        }
    }

    /** Calls {@code action} with each lower-cased word of {@code text}, holding no list of them. */
    public static void forEachWord(String text, java.util.function.Consumer<String> action) {
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            action.accept(matcher.group().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public static List<TextUnit> paragraphs(String document) {
        List<TextUnit> paragraphs = new ArrayList<>();
        Matcher breaks = PARAGRAPH_BREAK.matcher(document);
        int start = 0;
        while (true) {
            boolean found = breaks.find();
            int end = found ? breaks.start() : document.length();
            addTrimmed(document, start, end, paragraphs);
            if (!found) {
                break;
            }
            start = breaks.end();
        }
        return paragraphs;
    }

    public static List<TextUnit> sentences(String document, TextUnit paragraph) {
        List<TextUnit> sentences = new ArrayList<>();
        split(paragraph, (start, end) -> addTrimmed(document, start, end, sentences));
        return sentences;
    }

    /** Where the paragraph's sentences are: {@code [start, end)} in document offsets, untrimmed. */
    private static void split(TextUnit paragraph, java.util.function.BiConsumer<Integer, Integer> sentence) {
        String text = paragraph.text();
        Matcher ends = SENTENCE_END.matcher(text);
        int start = 0;
        while (ends.find()) {
            if (isAbbreviation(text, ends.start()) || LIST_MARKER.matcher(text.substring(start, ends.start() + 1))
                    .matches()) {
                continue;
            }
            int end = ends.start() + 1;
            while (end < text.length() && "\"')]".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            sentence.accept(paragraph.start() + start, paragraph.start() + end);
            start = ends.end();
        }
        sentence.accept(paragraph.start() + start, paragraph.end());
    }

    /** Lower-cased words (letters, digits, inner hyphens and apostrophes). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(java.util.Locale.ROOT));
        }
        return words;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, dot).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(text.charAt(dot - 1)))
                || MONTHS.contains(word) && DATE_GOES_ON.matcher(text).region(dot + 1, text.length()).lookingAt();
    }

    private static void addTrimmed(String document, int start, int end, List<TextUnit> into) {
        while (start < end && Character.isWhitespace(document.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(document.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            into.add(new TextUnit(document.substring(start, end), start, end));
        }
    }
}

package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    @Test
    void inlineDoublePlusMarksBreakParagraphsButCPlusPlusDoesNot() {
        String text = "Exports grew fast. ++ ++ Tourism is the main industry. C++ is a language.";
        List<String> paragraphs = Segmenter.paragraphs(text).stream().map(TextUnit::text).toList();
        assertEquals(List.of("Exports grew fast.", "Tourism is the main industry. C++ is a language."), paragraphs);
        TextUnit second = Segmenter.paragraphs(text).get(1);
        assertEquals(second.text(), text.substring(second.start(), second.end()), "offsets stay exact");
        assertEquals(List.of("Tourism is the main industry.", "C++ is a language."),
                Segmenter.sentences(text, second).stream().map(TextUnit::text).toList());
    }

    @Test
    void aMonthAbbreviationEndsASentenceOnlyWhenNoDayFollows() {
        String text = "Highlight the buy split (dated Jul. 1, 2016) of the security. Prices fell in Jul. Then they rose.";
        assertEquals(List.of("Highlight the buy split (dated Jul. 1, 2016) of the security.", "Prices fell in Jul.",
                "Then they rose."), Segmenter.sentences(text, Segmenter.paragraphs(text).get(0)).stream()
                        .map(TextUnit::text).toList());
    }

    @Test
    void anOverlongSentenceIsCutAtBlanksIntoBoundedPiecesWithExactOffsets() {
        String document = "x " + "word ".repeat(1_000) + "\uD835\uDC00".repeat(1_500) + " end";
        TextUnit sentence = Segmenter.sentences(document, Segmenter.paragraphs(document).get(0)).get(0);
        assertEquals(document.strip(), sentence.text(), "no sentence end: one sentence");
        List<TextUnit> pieces = Segmenter.pieces(document, sentence);
        assertEquals(5, pieces.size(), "three of words, two of letters outside the BMP (1,000 without a blank each)");
        for (TextUnit piece : pieces) {
            assertTrue(piece.text().length() <= Segmenter.MAX_SENTENCE_CHARS, "" + piece.text().length());
            assertEquals(piece.text(), document.substring(piece.start(), piece.end()));
            assertFalse(Character.isLowSurrogate(piece.text().charAt(0)), "no surrogate pair is split");
        }
        assertTrue(pieces.get(0).text().endsWith("word"), "cut at a blank, not inside a word");
        assertTrue(pieces.get(4).text().endsWith(" end"));

        String two = "Heat is energy. The " + document;
        Segmenter.Bounded bounded = Segmenter.bounded(two, Segmenter.paragraphs(two).get(0));
        assertEquals(1, bounded.overlong());
        assertEquals(List.of("Heat is energy."), bounded.sentences().stream().map(TextUnit::text).toList(),
                "only the sane sentence is read for relations");
        assertTrue(bounded.all().size() > 5, "the sentence, then the overlong one's pieces, in order");
        assertEquals(16, bounded.all().get(1).start());
        assertTrue(bounded.all().stream().allMatch(u -> u.text().length() <= Segmenter.MAX_SENTENCE_CHARS));
    }
}

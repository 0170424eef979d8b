package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

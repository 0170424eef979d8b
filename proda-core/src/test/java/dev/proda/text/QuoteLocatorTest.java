package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteLocatorTest {
    private static final String TEXT = "A heap is a tree-based\n  data structure. Heaps   are used for priority queues.";

    @Test
    void findsExactAndReflowedQuotes() {
        TextUnit exact = QuoteLocator.locate(TEXT, "Heaps   are used").orElseThrow();
        assertEquals("Heaps   are used", TEXT.substring(exact.start(), exact.end()));
        TextUnit reflowed = QuoteLocator.locate(TEXT, "a tree-based data structure").orElseThrow();
        assertEquals("a tree-based\n  data structure", TEXT.substring(reflowed.start(), reflowed.end()));
        assertEquals(reflowed.text(), TEXT.substring(reflowed.start(), reflowed.end()));
    }

    @Test
    void termsMatchWholeWordsOnly() {
        assertTrue(QuoteLocator.locateTerm(TEXT, "heap").isPresent());
        assertEquals(2, QuoteLocator.locateTerm(TEXT, "heap").get().start());
        assertTrue(QuoteLocator.locateTerm(TEXT, "eap").isEmpty());
    }

    @Test
    void doesNotGuess() {
        assertTrue(QuoteLocator.locate(TEXT, "heaps are trees").isEmpty());
        assertTrue(QuoteLocator.locate(TEXT, "  ").isEmpty());
    }
}

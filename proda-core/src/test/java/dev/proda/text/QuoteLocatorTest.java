package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.model.Span;
import org.junit.jupiter.api.Test;

class QuoteLocatorTest {
    private static final String TEXT = "A heap is a tree-based\n  data structure. Heaps   are used for priority queues.";

    @Test
    void findsExactAndReflowedQuotes() {
        Span exact = QuoteLocator.locate("d", TEXT, "Heaps   are used").orElseThrow();
        assertEquals("Heaps   are used", TEXT.substring(exact.start(), exact.end()));
        Span reflowed = QuoteLocator.locate("d", TEXT, "a tree-based data structure").orElseThrow();
        assertEquals("tree-based\n  data structure", TEXT.substring(reflowed.start() + 2, reflowed.end()));
        assertEquals("a tree-based\n  data structure", TEXT.substring(reflowed.start(), reflowed.end()));
    }

    @Test
    void doesNotGuess() {
        assertTrue(QuoteLocator.locate("d", TEXT, "heaps are trees").isEmpty());
        assertTrue(QuoteLocator.locate("d", TEXT, "  ").isEmpty());
    }
}

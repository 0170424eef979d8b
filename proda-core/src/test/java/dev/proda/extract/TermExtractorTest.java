package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermExtractorTest {
    @Test
    void candidatesAreNounGroupsAndTheirNounEndingParts() {
        Set<String> candidates = new LinkedHashSet<>();
        TermExtractor.candidates(Tagger.tag("A random forest is a large ensemble of decision trees."), candidates);
        assertTrue(candidates.containsAll(Set.of("random forest", "forest", "large ensemble", "ensemble",
                "decision tree", "tree")), candidates.toString());
        assertFalse(candidates.contains("large"), "an adjective alone is no term");
    }

    @Test
    void cValuePrefersTermsThatOccurOnTheirOwn() {
        // "decision tree" occurs 10 times, always inside "binary decision tree" only twice;
        // "binary decision" only ever inside the longer term.
        Map<String, Double> kept = TermExtractor.select(Map.of("decision tree", 10, "binary decision tree", 2,
                "binary decision", 2, "tree", 12, "rare term", 2));
        assertTrue(kept.containsKey("decision tree"));
        assertEquals(Math.log(3) / Math.log(2) * (10 - 2), kept.get("decision tree"), 1e-9);
        assertFalse(kept.containsKey("binary decision"), "nested and never alone");
        assertFalse(kept.containsKey("rare term"), "below the frequency threshold");
    }

    @Test
    void occurrencesKeepExactOffsetsAndNeverCrossPunctuation() {
        String text = "Decision trees split data. Trees, decision trees and forests.";
        List<TermExtractor.Occurrence> found = TermExtractor.occurrences(text, 100,
                TermExtractor.Lexicon.of(Set.of("decision tree", "tree")));
        for (TermExtractor.Occurrence o : found) {
            assertEquals(o.surface(), text.substring(o.start() - 100, o.end() - 100));
        }
        assertEquals(2, found.stream().filter(o -> o.key().equals("decision tree")).count());
        assertEquals(3, found.stream().filter(o -> o.key().equals("tree")).count());
    }
}

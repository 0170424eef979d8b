package dev.proda.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.Concept;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Patch samples say only what their text says: grounding that names the node, no question that answers itself. */
class PatchWriterTest {
    private static final Span SPAN = new Span("computing/langs.txt", 0, 40);
    private static final Statement FACT = new Statement("s-1", null, "Lisp", "is-a", "evolving language",
            "Lisp is an evolving language.", List.of(SPAN), List.of("c-lisp", "c-evolving"), 0.8);
    private static final Concept EVOLVING = new Concept("c-evolving", "evolving language", List.of(), "term", null,
            List.of("s-1"), "computing", List.of(SPAN));
    private static final Concept LISP = new Concept("c-lisp", "Lisp", List.of(), "term", null, List.of("s-1"),
            "computing", List.of(SPAN));
    /** What a word search finds: one passage about the term, one that only shares a word with it. */
    private static final List<Bm25Grounding.Passage> FOUND = List.of(
            new Bm25Grounding.Passage(SPAN, "Each site in the sequence evolves independently."),
            new Bm25Grounding.Passage(SPAN, "Since Lisp is an evolving language, new forms keep appearing."));

    private static Repair.PatchWriter writer() {
        return new Repair.PatchWriter(new KnowledgeBase(List.of(), List.of(FACT), List.of(EVOLVING, LISP)), List.of(),
                Set.of(), 10, 1, new Random(1), null);
    }

    @Test
    void aGroundedMentionQuotesOnlyPassagesThatNameTheConcept() {
        List<String> mentions = writer().samples("c-evolving", FOUND).stream()
                .filter(s -> s.skill().equals("grounded-mention")).map(s -> s.messages().get(1).content()).toList();
        assertEquals(List.of("Since Lisp is an evolving language, new forms keep appearing."), mentions);
    }

    @Test
    void aTermIsNotAskedForByItsOwnName() {
        assertTrue(writer().samples("c-evolving", FOUND).stream().noneMatch(s -> s.skill().equals("term-recall")),
                "no definition and no other name: nothing to recall the term from");
    }

    @Test
    void aGroundedStatementQuotesAPassageHoldingBothTermsOrItsOwnSentence() {
        Sample grounded = writer().samples("s-1", FOUND).stream().filter(s -> s.skill().equals("grounded-state"))
                .findFirst().orElseThrow();
        assertTrue(grounded.messages().get(0).content().contains("Since Lisp is an evolving language"));
        Sample alone = writer().samples("s-1", FOUND.subList(0, 1)).stream()
                .filter(s -> s.skill().equals("grounded-state")).findFirst().orElseThrow();
        assertTrue(alone.messages().get(0).content().contains(FACT.source_quote()), alone.messages().get(0).content());
        assertFalse(alone.messages().get(0).content().contains("evolves independently"));
    }
}

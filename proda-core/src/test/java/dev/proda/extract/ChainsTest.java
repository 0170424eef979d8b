package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.model.Chain;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainsTest {
    private static KnowledgeBase extract(String text) {
        return Extract.extract(List.of(new Corpus.Document("bio/cells.txt", "biology", text)));
    }

    @Test
    void aSequenceStartsAtThePremiseOfItsFirstMarker() {
        String text = "Cells come in many shapes and sizes across the tree of life. The cell takes up glucose from "
                + "the blood stream. Then the glucose is broken down into pyruvate in the cytoplasm. Finally the "
                + "pyruvate enters the mitochondria for further oxidation. As a result the cell gains a large "
                + "amount of ATP.\n";
        Chain chain = extract(text).chains().get(0);
        assertEquals(List.of("The cell takes up glucose from the blood stream.",
                "Then the glucose is broken down into pyruvate in the cytoplasm.",
                "Finally the pyruvate enters the mitochondria for further oxidation.",
                "As a result the cell gains a large amount of ATP."), chain.steps());
        KnowledgeBase kb = extract(text);
        List<String> predicates = chain.statement_ids().stream().map(id -> kb.statementsById().get(id))
                .map(Statement::predicate).toList();
        assertEquals(List.of("is-followed-by", "is-followed-by", "causes"), predicates);
    }

    @Test
    void numberedItemsMakeAProcedure() {
        String text = "Preparing a slide\n\n1. Place a drop of water on the clean slide.\n\n"
                + "2. Put the thin specimen into the drop of water.\n\n"
                + "3. Lower the cover slip slowly onto the specimen.\n";
        Chain chain = extract(text).chains().get(0);
        assertEquals(3, chain.steps().size());
        assertTrue(chain.steps().get(0).startsWith("1. Place a drop"));
        assertEquals("Preparing a slide (passage 3)", chain.process_name());
    }

    @Test
    void aPassageWithoutMarkersIsANarrativeChain() {
        String text = "Proteins are large molecules made of amino acids. They fold into complex three dimensional "
                + "shapes. Their shape determines the function they perform in the cell.\n";
        assertEquals(3, extract(text).chains().get(0).steps().size());
    }
}

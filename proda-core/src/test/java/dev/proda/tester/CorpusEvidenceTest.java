package dev.proda.tester;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.project.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences written for this test. */
class CorpusEvidenceTest {
    private final CorpusEvidence evidence = CorpusEvidence.of(List.of(new Corpus.Document("a.txt", "economics",
            "Chad is one of the poorest countries in Africa. Chad relies on oil. The input file is read by Pars.\n\n"
                    + "Exports include sesame and other oilseeds such as groundnuts.")));

    @Test
    void aClassLinkedToTheSubjectInOneSentenceMayHold() {
        assertTrue(evidence.mayHold("Chad", "countries", "landlocked nation"), "'is one of the poorest countries'");
        assertTrue(evidence.mayHold("groundnuts", "oilseed", "crop"), "'oilseeds such as groundnuts'");
    }

    @Test
    void occurringTogetherWithoutALinkOrApartIsNoSign() {
        assertFalse(evidence.mayHold("Pars", "input file", "parsimony program"), "'is read by' links no class");
        assertFalse(evidence.mayHold("Chad", "oilseed", "landlocked nation"), "another sentence");
    }

    @Test
    void aSharedHeadIsJudgedByTheOptionsModifiersAndASharedModifierIsSuspect() {
        assertFalse(evidence.mayHold("Chad", "mountainous country", "landlocked country"),
                "the shared head 'country' says nothing; 'mountainous' is not in the text");
        assertTrue(evidence.mayHold("KFold", "cross-validation scheme", "classical cross-validation technique"),
                "two classes named with the same modifier");
        assertFalse(CorpusEvidence.NONE.mayHold("Chad", "countries", "landlocked nation"));
    }
}

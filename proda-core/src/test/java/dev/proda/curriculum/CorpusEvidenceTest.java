package dev.proda.curriculum;

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
    void aSharedHeadOrModifierMayHoldAsWell() {
        assertTrue(evidence.mayHold("Chad", "mountainous country", "landlocked country"),
                "a country can be both; nothing says Chad is not mountainous");
        assertTrue(evidence.mayHold("KFold", "cross-validation scheme", "classical cross-validation technique"),
                "two classes named with the same modifier");
        assertTrue(evidence.mayHold("KFold", "cross-validation scheme", "cross validation iterator"),
                "with or without its hyphen");
        assertFalse(CorpusEvidence.NONE.mayHold("Chad", "countries", "landlocked nation"));
    }

    @Test
    void aClassTheCorpusNamesEverywhereIsTooBroadToBeFalse() {
        StringBuilder text = new StringBuilder("Ridge is a linear model.\n\n");
        for (int i = 0; i < 2000; i++) {
            text.append(i % 80 == 0 ? "Every estimator has a fit method. " : "Sentence number " + i + " says little. ");
        }
        CorpusEvidence broad = CorpusEvidence.of(List.of(new Corpus.Document("b.txt", "statistics", text.toString())));
        assertTrue(broad.mayHold("Ridge", "estimators", "linear model"), "'estimator' is in 25 sentences of 2001");
        assertFalse(broad.mayHold("Ridge", "clustering metric", "linear model"));
    }
}

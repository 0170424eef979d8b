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
    /**
     * Read for a knowledge base, the evidence keeps only what that knowledge base's questions need, and answers
     * each of them as the whole index does: 120 subjects against every other statement's object, on the bundled
     * corpus.
     */
    @Test
    void evidenceReadForAKnowledgeBaseAnswersItsQuestionsAsTheWholeIndexDoes() throws Exception {
        List<Corpus.Document> documents = Corpus.read(dev.proda.TestCorpus.EXAMPLE.resolve("corpus"), "x",
                dev.proda.project.Log.SILENT);
        dev.proda.extract.KnowledgeBase kb = dev.proda.extract.Extract.extract(documents);
        CorpusEvidence whole = CorpusEvidence.of(documents);
        CorpusEvidence forKb = CorpusEvidence.of(documents, kb);
        List<dev.proda.model.Statement> statements = kb.statements().stream().filter(st -> st.object() != null
                && st.parent_chain_id() == null).toList();
        int asked = 0;
        int held = 0;
        for (dev.proda.model.Statement a : statements.subList(0, Math.min(120, statements.size()))) {
            for (dev.proda.model.Statement b : statements) {
                if (a != b) {
                    boolean expected = whole.mayHold(a.subject(), b.object(), a.object());
                    org.junit.jupiter.api.Assertions.assertEquals(expected, forKb.mayHold(a.subject(), b.object(),
                            a.object()), a.subject() + " / " + b.object());
                    asked++;
                    held += expected ? 1 : 0;
                }
            }
        }
        assertTrue(asked > 20_000 && held > 100 && held < asked, asked + " questions, " + held + " may hold");
    }
}

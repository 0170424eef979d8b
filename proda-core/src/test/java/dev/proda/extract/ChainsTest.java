package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.model.Chain;
import dev.proda.model.Statement;
import dev.proda.project.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainsTest {
    private static List<Chain> procedures(String text) {
        return Extract.extract(List.of(new Corpus.Document("lab/howto.txt", "biology", text))).chains().stream()
                .filter(c -> Chain.PROCEDURE.equals(c.kind())).toList();
    }

    @Test
    void numberedInstructionsUnderAHeadingAreAProcedureNamedByIt() {
        String text = "Preparing a slide\n\n1. Place a drop of water on a clean glass slide.\n\n"
                + "2. Lay the tissue sample flat in the water drop.\n\n3. Lower the cover slip at an angle over the "
                + "sample.\n\n4. Remove excess water with a paper towel.\n";
        List<Chain> chains = procedures(text);
        assertEquals(1, chains.size());
        Chain chain = chains.get(0);
        assertEquals("Preparing a slide", chain.process_name());
        assertEquals("Place a drop of water on a clean glass slide.", chain.steps().get(0), "the number is no part of a step");
        assertEquals(4, chain.steps().size());
        assertEquals(3, chain.statement_ids().size());
    }

    @Test
    void aNumberedListOfFactsIsNoProcedure() {
        String text = "Advantages\n\n1. Decision trees are simple to understand.\n\n2. Trees require little data "
                + "preparation.\n\n3. The cost of using the tree is logarithmic.\n";
        assertTrue(procedures(text).isEmpty());
    }

    @Test
    void anOrdinalSequenceIsAProcedureAndItsLinksAreNextSteps() {
        String text = "Staining cells\n\nFirst, fix the cells in cold methanol for ten minutes. Then rinse the slide "
                + "twice with buffer solution. Finally, apply the stain and wait five minutes.\n";
        List<Chain> chains = procedures(text);
        assertEquals(1, chains.size());
        assertEquals(3, chains.get(0).steps().size());
        KnowledgeBase kb = Extract.extract(List.of(new Corpus.Document("lab/howto.txt", "biology", text)));
        Statement link = kb.statementsById().get(chains.get(0).statement_ids().get(0));
        assertEquals(Statement.NEXT_STEP, link.predicate());
        assertEquals(chains.get(0).chain_id(), link.parent_chain_id());
    }

    @Test
    void aStepThatPointsBackIntoTheTextRefusesTheProcedure() {
        String text = "Staining cells\n\nFirst, fix the cells in cold methanol for ten minutes. Then it is rinsed "
                + "twice with buffer solution. Finally, apply the stain and wait five minutes.\n";
        assertTrue(procedures(text).isEmpty());
    }

    @Test
    void adjacentSentencesWithoutMarkersAreNoChain() {
        String text = "Cells\n\nCells come in many shapes and sizes across the tree of life. The cell takes up glucose "
                + "from the blood stream. The glucose is broken down into pyruvate in the cytoplasm. Pyruvate enters "
                + "the mitochondria for further oxidation.\n";
        assertTrue(procedures(text).isEmpty());
    }

    @Test
    void ordinalStepsMustDoSomethingNotNumberObservations() {
        assertTrue(Chains.acts("Second, the decorated list is sorted."), "something done");
        assertTrue(Chains.acts("First one assumes random components for the mixture."), "an agent acting");
        assertTrue(Chains.acts("Then run Consense on the resulting tree file."), "an instruction");
        assertFalse(Chains.acts("First, the default smoothing factor provides too much smoothing for these data."),
                "an observation");
    }

    @Test
    void aStepJoiningTwoClausesWithTheirOwnSubjectsIsTwoSteps() {
        String text = "Boosting\n\nFirst, a weak model is fitted to the samples and the weight of each sample is "
                + "updated from its error. Then, a new model is fitted to the reweighted samples. Finally, the "
                + "models are combined by a weighted vote.\n";
        List<Chain> chains = procedures(text);
        assertEquals(1, chains.size());
        assertEquals(List.of("First, a weak model is fitted to the samples",
                "the weight of each sample is updated from its error.", "Then, a new model is fitted to the reweighted samples.",
                "Finally, the models are combined by a weighted vote."), chains.get(0).steps());
        String shared = "Staining cells\n\nFirst, fix the cells in cold methanol for ten minutes. Then rinse the slide "
                + "twice with buffer solution. Finally, apply the stain and wait five minutes.\n";
        assertEquals(3, procedures(shared).get(0).steps().size(), "'and wait' has no subject of its own");
        String agent = "Fitting a mixture\n\nFirst one assumes random components (centered on data points, or just "
                + "normally distributed) and computes for each point the probability of each component. Then, one "
                + "tweaks the parameters to maximize the likelihood of the data. Finally, one stops when the "
                + "likelihood no longer grows.\n";
        assertEquals(List.of("First one assumes random components (centered on data points, or just normally distributed)",
                "computes for each point the probability of each component.",
                "Then, one tweaks the parameters to maximize the likelihood of the data.",
                "Finally, one stops when the likelihood no longer grows."), procedures(agent).get(0).steps(),
                "one agent's two -s verbs are two actions");
    }
    @Test
    void aLeadInAnnouncesStepsOnlyByNamingThemBeforeItsColon() {
        String steps = "Staining cells\n\nThe protocol proceeds in three steps:\n\nFix the cells in cold methanol for "
                + "ten minutes.\n\nRinse the slide twice with buffer solution.\n\nApply the stain and wait five minutes.\n";
        assertEquals(3, procedures(steps).get(0).steps().size());
        String modes = "Staining cells\n\nFor the staining step the following dyes are available:\n\nEosin colours the "
                + "cytoplasm of the cells pink.\n\nHematoxylin colours the nuclei of the cells blue.\n\nCrystal violet "
                + "colours the walls of bacteria purple.\n";
        assertTrue(procedures(modes).isEmpty(), "the colon announces dyes, not steps");
        String code = "Staining cells\n\nYou then stain the slide as follows:\n\nIf you want a darker stain instead, "
                + "then use:\n\nThe slide is dried in air for an hour.\n\nThe slide is stored in a dark box.\n";
        assertTrue(procedures(code).isEmpty(), "a paragraph that announces something of its own ends the steps");
    }
    @Test
    void aListOfQuestionsIsNoProcedure() {
        String text = "Mixed currencies\n\n1. How do you transfer funds between accounts?\n\n2. How do you value "
                + "mixed accounts?\n\n3. How do reports deal with mixed currencies?\n";
        assertTrue(procedures(text).isEmpty());
    }
    @Test
    void aNumberedListOfUsagesEachBeforeItsExampleIsNoProcedure() {
        String text = "fitsheader\n\n1. Print the header of all the extensions of a file:\n\n2. Print the header of "
                + "the third extension:\n\n3. Print only the keywords that you name:\n";
        assertTrue(procedures(text).isEmpty());
    }

    @Test
    void aDefinitionOrAChoiceAnnouncedByALeadInIsNoProcedure() {
        String definition = "Coverage\n\nThe textbook defines full coverage as follows:\n\nEvery branch takes each of its "
                + "outcomes at least once.\n\nEvery entry point of a routine is called at least once.\n\nEvery loop runs "
                + "zero times, once and more than once.\n";
        assertTrue(procedures(definition).isEmpty(), "'defines … as follows:' announces a definition");
        String doing = "Coverage\n\nThe coverage tool works as follows:\n\nCompile the program with counters in each "
                + "branch.\n\nRun the test suite against the compiled program.\n\nRead the counters into a report.\n";
        assertEquals(3, procedures(doing).get(0).steps().size(), "'works as follows:' announces steps");
        String choices = "Remote databases\n\nIf many clients must write at once, you have these choices:\n\n1. Use a "
                + "client/server database engine.\n\n2. Host the database on one machine and send every write to "
                + "it.\n\n3. Use the database in read-only mode on the clients.\n";
        assertTrue(procedures(choices).isEmpty(), "alternatives are no steps of one process");
        String steps = choices.replace("you have these choices:", "proceed like this:");
        assertEquals(3, procedures(steps).get(0).steps().size(), "the same list under a plain lead-in is one");
    }
}

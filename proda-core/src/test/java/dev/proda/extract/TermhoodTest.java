package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.project.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermhoodTest {
    @Test
    void everydayWordsAreCommonAndDomainWordsAreNot() {
        // "road" and "kernel" are equally frequent here; general English uses "road" far more often.
        String text = "The kernel maps the road. A kernel is no road. Each kernel and each road appear alike here.";
        Termhood termhood = Termhood.of(List.of(new Corpus.Document("a/doc.txt", "a", text)));
        assertTrue(termhood.weirdness("kernel") > termhood.weirdness("road"));
        assertTrue(termhood.weirdness("kernels") == termhood.weirdness("kernel"), "plural and singular are one word");
        assertFalse(termhood.common("kernel"));
        assertFalse(termhood.common("Kernel"), "a capitalised word is a name, never common");
        assertFalse(termhood.common("road map"), "a multi-word term is never common");
    }
}

package dev.proda.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.project.Corpus;
import dev.proda.project.Log;
import dev.proda.text.Segmenter;
import dev.proda.text.TextUnit;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;

class TaggerTest {
    @Test
    void tokensKeepOffsetsAndGetUniversalTags() {
        String sentence = "Decision Trees (DTs) aren't a non-parametric method, e.g. for 3.5 classes.";
        Tagger.Tagged t = Tagger.tag(sentence);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.tokens().get(i), sentence.substring(t.starts()[i], t.ends()[i]));
        }
        assertEquals(List.of("Decision", "Trees", "(", "DTs", ")", "are", "n't", "a", "non-parametric", "method",
                ",", "e.g", ".", "for", "3.5", "classes", "."), t.tokens());
        assertEquals("NOUN", t.tags()[1]);
        assertEquals("DET", t.tags()[7]);
    }

    /** Greedy decoding agrees with OpenNLP's own beam search on nearly every token of real text. */
    @Test
    void greedyDecodingAgreesWithTheBeam() throws Exception {
        POSModel model;
        try (InputStream in = Tagger.class.getResourceAsStream("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")) {
            model = new POSModel(in);
        }
        POSTaggerME beam = new POSTaggerME(model);
        List<Corpus.Document> docs = Corpus.read(TestCorpus.EXAMPLE.resolve("corpus"), "x", Log.SILENT);
        int tokens = 0;
        int same = 0;
        for (Corpus.Document doc : docs.subList(0, 12)) {
            for (TextUnit paragraph : Segmenter.paragraphs(doc.text())) {
                for (TextUnit sentence : Segmenter.sentences(doc.text(), paragraph)) {
                    Tagger.Tagged t = Tagger.tag(sentence.text());
                    String[] reference = beam.tag(t.tokens().toArray(String[]::new));
                    for (int i = 0; i < reference.length; i++) {
                        tokens++;
                        same += reference[i].equals(t.tags()[i]) ? 1 : 0;
                    }
                }
            }
        }
        double agreement = (double) same / tokens;
        assertTrue(tokens > 10_000 && agreement > 0.98, tokens + " tokens, agreement " + agreement);
        assertArrayEquals(new String[0], Tagger.tag("").tags());
    }
}

package dev.proda.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfEmbedderTest {
    @Test
    void sharedWordsAndWordFormsMakeTextsClose() {
        List<float[]> v = new TfIdfEmbedder().embed(List.of("linear regression model", "logistic regressions",
                "ridge regressor", "cell membrane", ""));
        assertEquals(1.0, Embedder.cosine(v.get(0), v.get(0)), 1e-5);
        assertTrue(Embedder.cosine(v.get(0), v.get(1)) > Embedder.cosine(v.get(0), v.get(3)));
        assertTrue(Embedder.cosine(v.get(1), v.get(2)) > Embedder.cosine(v.get(1), v.get(3)),
                "character trigrams bring word forms together");
        assertEquals(0.0, Embedder.cosine(v.get(0), v.get(4)), 1e-9, "an empty text is near nothing");
    }
}

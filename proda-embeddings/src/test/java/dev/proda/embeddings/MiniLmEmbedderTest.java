package dev.proda.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.text.Embedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real model, offline: related terms lie closer than unrelated ones, and vectors are unit length. */
class MiniLmEmbedderTest {
    @Test
    void relatedTermsAreCloserThanUnrelatedOnes() {
        List<float[]> v = new MiniLmEmbedder().embed(List.of("linear regression model", "logistic regression",
                "mitochondrial membrane", "cell organelle"));
        assertEquals(4, v.size());
        assertEquals(384, v.get(0).length);
        for (float[] vector : v) {
            assertEquals(1.0, Embedder.cosine(vector, vector), 1e-4);
        }
        assertTrue(Embedder.cosine(v.get(0), v.get(1)) > Embedder.cosine(v.get(0), v.get(2)));
        assertTrue(Embedder.cosine(v.get(2), v.get(3)) > Embedder.cosine(v.get(2), v.get(1)));
    }
}

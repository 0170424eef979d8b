package dev.proda.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.proda.text.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384-d), run in-process by ONNX Runtime from the model inside
 * langchain4j's jar: offline, about 300 short texts a second on two cores. The model loads once, on
 * first use.
 */
public final class MiniLmEmbedder implements Embedder {
    private static final int BATCH = 256;
    private EmbeddingModel model;

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        if (model == null) {
            model = new AllMiniLmL6V2EmbeddingModel();
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
            for (Embedding embedding : model.embedAll(batch).content()) {
                vectors.add(unit(embedding.vector()));
            }
        }
        return vectors;
    }

    /** The model's vectors do not depend on the other texts of a call. */
    @Override
    public boolean comparableAcrossCalls() {
        return true;
    }

    @Override
    public String name() {
        return "all-MiniLM-L6-v2";
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}

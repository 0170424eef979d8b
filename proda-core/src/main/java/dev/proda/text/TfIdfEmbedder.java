package dev.proda.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lexical embedder: TF-IDF over singularised content words and their character trigrams (so that
 * "regressor" and "regression" are near), IDF fitted to the texts of each call. Needs no model; the
 * Tester falls back to it when no sentence-embedding model is wired in, and unit tests use it.
 */
public final class TfIdfEmbedder implements Embedder {
    @Override
    public List<float[]> embed(List<String> texts) {
        List<Map<String, Double>> counts = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            Map<String, Double> features = features(text);
            counts.add(features);
            features.keySet().forEach(f -> documentFrequency.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        documentFrequency.keySet().stream().sorted().forEach(f -> index.put(f, index.size()));
        List<float[]> vectors = new ArrayList<>();
        for (Map<String, Double> features : counts) {
            float[] vector = new float[index.size()];
            double norm = 0;
            for (var e : features.entrySet()) {
                double idf = Math.log((1.0 + texts.size()) / (1.0 + documentFrequency.get(e.getKey()))) + 1;
                double weight = e.getValue() * idf;
                vector[index.get(e.getKey())] = (float) weight;
                norm += weight * weight;
            }
            if (norm > 0) {
                float scale = (float) (1 / Math.sqrt(norm));
                for (int i = 0; i < vector.length; i++) {
                    vector[i] *= scale;
                }
            }
            vectors.add(vector);
        }
        return vectors;
    }

    @Override
    public String name() {
        return "tf-idf (words and character trigrams)";
    }

    private static Map<String, Double> features(String text) {
        Map<String, Double> features = new HashMap<>();
        for (String word : Terms.contentWords(text)) {
            String w = Terms.singular(word);
            features.merge("w:" + w, 1.0, Double::sum);
            String padded = "^" + w + "$";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                // Trigrams weigh less than whole words: they only break ties between related forms.
                features.merge("c:" + padded.substring(i, i + 3), 0.25, Double::sum);
            }
        }
        return features;
    }
}

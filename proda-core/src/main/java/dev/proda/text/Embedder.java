package dev.proda.text;

import java.util.List;

/**
 * Turns texts into vectors whose cosine says how alike they are. Vectors of one call are comparable
 * with each other (a lexical embedder may fit its weights to the texts of that call); vectors from
 * different calls need not be.
 */
public interface Embedder {
    /** One unit-length vector per text, in order. */
    List<float[]> embed(List<String> texts);

    /**
     * Whether vectors of different calls are comparable (a sentence-embedding model's are; a lexical
     * embedder fitted per call's are not), so that a caller may embed a text once and keep its vector.
     */
    default boolean comparableAcrossCalls() {
        return false;
    }

    /** A short name for reports (which model ranked the distractors). */
    String name();

    /** Cosine of two unit-length vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}

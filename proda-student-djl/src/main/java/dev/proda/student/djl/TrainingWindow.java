package dev.proda.student.djl;

/**
 * One training window: {@code context + 1} tokens, and for each token whether predicting it carries loss.
 * The model reads {@code tokens[0..context-1]} and is scored on {@code tokens[t + 1]} wherever
 * {@code trained[t + 1]}; {@code trained[0]} is never a target.
 */
record TrainingWindow(int[] tokens, boolean[] trained) {
    TrainingWindow {
        if (tokens.length != trained.length) {
            throw new IllegalArgumentException("one trained flag per token");
        }
    }

    /** Tokens whose prediction carries loss. */
    int targets() {
        int n = 0;
        for (int t = 1; t < trained.length; t++) {
            n += trained[t] ? 1 : 0;
        }
        return n;
    }
}

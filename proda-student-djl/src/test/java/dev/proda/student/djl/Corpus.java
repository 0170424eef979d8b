package dev.proda.student.djl;

import dev.proda.student.PretrainConfig;
import java.util.ArrayList;
import java.util.List;

/** A tiny repeated corpus of facts for the real-engine tests. */
final class Corpus {

    static final String[][] CAPITALS = {
        {"france", "paris"}, {"germany", "berlin"}, {"italy", "rome"}, {"spain", "madrid"},
        {"japan", "tokyo"}, {"egypt", "cairo"}, {"peru", "lima"}, {"kenya", "nairobi"},
    };

    private Corpus() { }

    static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int repeat = 0; repeat < 20; repeat++) {
            for (String[] pair : CAPITALS) {
                texts.add("The capital of " + pair[0] + " is " + pair[1] + ".");
            }
            texts.add("The cat sat on the mat.");
            texts.add("A dog ran in the park, and the dog was happy.");
        }
        return texts;
    }

    /**
     * PretrainConfig.tiny with two layers and enough budget and learning rate (585 steps at 1e-2) to
     * learn which capital goes with which country, not just that some capital follows "is" (at 230
     * steps and 3e-3 it only learns the latter).
     */
    static PretrainConfig config(long seed) {
        return config(seed, 2);
    }

    static PretrainConfig config(long seed, int threads) {
        return new PretrainConfig(2, 32, 2, 32, 600, 1, 150_000, 8, 1e-2, seed, threads);
    }
}

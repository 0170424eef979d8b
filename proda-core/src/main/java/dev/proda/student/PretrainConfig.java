package dev.proda.student;

/**
 * Shape and schedule of a fresh student.
 *
 * @param layers transformer blocks
 * @param width model width (embedding size)
 * @param heads attention heads (must divide width)
 * @param context window in tokens
 * @param maxVocabulary upper bound on tokenizer vocabulary (words + characters + specials)
 * @param minWordCount a word enters the vocabulary only if seen at least this often
 * @param tokenBudget total training tokens (steps = budget / (batch * context))
 * @param batchSize sequences per step
 * @param learningRate peak Adam learning rate (cosine decay to 10%)
 * @param seed seed for initialisation and data order
 * @param threads PyTorch intra-op threads
 */
public record PretrainConfig(int layers, int width, int heads, int context, int maxVocabulary, int minWordCount,
        long tokenBudget, int batchSize, double learningRate, long seed, int threads) {
    public PretrainConfig {
        if (layers < 1 || width < 8 || heads < 1 || width % heads != 0 || context < 8) {
            throw new IllegalArgumentException("bad model shape: layers=" + layers + " width=" + width
                    + " heads=" + heads + " context=" + context);
        }
        if (maxVocabulary < 64 || minWordCount < 1 || tokenBudget < 1 || batchSize < 1 || learningRate <= 0
                || threads < 1) {
            throw new IllegalArgumentException("bad pretraining schedule");
        }
    }

    /** A very small model for unit tests: trains in seconds. */
    public static PretrainConfig tiny(long seed) {
        return new PretrainConfig(1, 32, 2, 32, 600, 1, 20_000, 8, 3e-3, seed, 2);
    }
}

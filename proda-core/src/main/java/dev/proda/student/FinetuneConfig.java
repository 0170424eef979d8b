package dev.proda.student;

/**
 * Schedule for continued training.
 *
 * @param epochs passes over the examples (examples are packed and shuffled each epoch)
 * @param batchSize sequences per step
 * @param learningRate peak Adam learning rate (cosine decay to 10%)
 * @param seed seed for data order
 * @param threads PyTorch intra-op threads
 */
public record FinetuneConfig(int epochs, int batchSize, double learningRate, long seed, int threads) {
    public FinetuneConfig {
        if (epochs < 0 || batchSize < 1 || learningRate <= 0 || threads < 1) {
            throw new IllegalArgumentException("bad fine-tuning schedule");
        }
    }
}

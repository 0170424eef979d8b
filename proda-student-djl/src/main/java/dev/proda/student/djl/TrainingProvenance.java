package dev.proda.student.djl;

/**
 * How one training stage of a saved model was run, recorded in {@code config.json}.
 *
 * @param stage {@code "pretrain"} or {@code "finetune"}
 * @param engine student engine name
 * @param djlVersion DJL version
 * @param pytorchVersion PyTorch (native) version
 * @param seed seed for initialisation (pretrain) and data order
 * @param texts texts or examples trained on
 * @param steps optimizer steps
 * @param batchSize windows per step
 * @param learningRate peak learning rate
 * @param threads PyTorch intra-op threads
 * @param tokensSeen prediction targets trained on
 * @param initialLoss first-step loss (nats per token), null if no step ran
 * @param finalLoss mean loss of the last steps (nats per token), null if no step ran
 * @param seconds wall-clock time of the training loop
 */
public record TrainingProvenance(String stage, String engine, String djlVersion, String pytorchVersion, long seed,
        int texts, long steps, int batchSize, double learningRate, int threads, long tokensSeen, Double initialLoss,
        Double finalLoss, double seconds) {

    static TrainingProvenance of(String stage, long seed, int texts, int batchSize, double learningRate, int threads,
            TrainingRun run) {
        return new TrainingProvenance(stage, DjlStudentEngine.NAME, PyTorchRuntime.djlVersion(),
                PyTorchRuntime.pytorchVersion(), seed, texts, run.steps(), batchSize, learningRate, threads,
                run.tokensSeen(), run.initialLoss(), run.finalLoss(), run.seconds());
    }
}

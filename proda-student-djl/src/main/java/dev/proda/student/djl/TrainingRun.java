package dev.proda.student.djl;

/**
 * Outcome of one training loop.
 *
 * @param steps optimizer steps taken
 * @param tokensSeen prediction targets trained on (non-pad)
 * @param initialLoss loss of the first step (nats per token), null if no step ran
 * @param finalLoss mean loss of the last steps (nats per token), null if no step ran
 * @param seconds wall-clock time of the loop
 */
public record TrainingRun(long steps, long tokensSeen, Double initialLoss, Double finalLoss, double seconds) { }

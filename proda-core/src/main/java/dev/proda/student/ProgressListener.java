package dev.proda.student;

/** Receives progress of long training runs (for the CLI's progress line and logs). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param step steps done
     * @param totalSteps steps planned
     * @param loss mean training loss (nats per token) over recent steps
     * @param tokensPerSecond recent throughput
     */
    void onStep(long step, long totalSteps, double loss, double tokensPerSecond);

    ProgressListener NONE = (step, total, loss, tps) -> { };
}

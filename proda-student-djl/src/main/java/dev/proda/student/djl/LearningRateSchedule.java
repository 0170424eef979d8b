package dev.proda.student.djl;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up over the first ~5% of steps, then cosine decay from the peak to 10% of it at the
 * last step. Warm-up keeps Adam's early, noisy updates small; the floor keeps late steps useful.
 */
record LearningRateSchedule(double peak, long totalSteps, long warmupSteps) implements Tracker {

    static final double FLOOR = 0.1;

    static LearningRateSchedule warmupCosine(double peak, long totalSteps) {
        return new LearningRateSchedule(peak, totalSteps, Math.max(1, Math.round(totalSteps * 0.05)));
    }

    /** Learning rate of update number {@code step} (1-based, as DJL's optimizers count). */
    double at(long step) {
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        long decaySteps = Math.max(1, totalSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return peak * (FLOOR + (1 - FLOOR) * cosine);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(numUpdate);
    }
}

package dev.proda.student.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import dev.proda.student.ProgressListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The training loop shared by pre-training and fine-tuning: next-token cross-entropy, averaged over
 * the targets each {@link TrainingWindow} marks as trained (every non-pad token in pre-training, the
 * answer tokens in fine-tuning), Adam with {@link LearningRateSchedule}, and gradient clipping to a global L2 norm
 * of {@value #MAX_GRADIENT_NORM} over all parameters together.
 *
 * <p>Every step runs inside an {@link NDScope}, so all per-step arrays (batch, activations, graph,
 * gradient views) are freed when the step ends, whichever manager they were attached to. The
 * optimizer update runs outside the scope because Adam lazily creates its moment arrays there and
 * they must outlive the step.
 */
final class GptTrainer {

    static final double MAX_GRADIENT_NORM = 1.0;
    static final int REPORT_EVERY = 10;

    private final GptModel model;
    private final NDManager manager;

    GptTrainer(GptModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    /**
     * Runs {@code steps} optimizer steps over {@code source}'s windows: consecutive batches of up to
     * {@code batchSize} windows from a freshly shuffled epoch, starting a new epoch when one runs out.
     * Epochs are drawn from {@code new Random(seed)} and nothing else uses it.
     */
    TrainingRun train(WindowSource source, int batchSize, long steps, double peakLearningRate, long seed,
            ProgressListener progress) {
        long started = System.nanoTime();
        if (steps <= 0) {
            return new TrainingRun(0, 0, null, null, 0);
        }
        Random random = new Random(seed);
        List<TrainingWindow> epoch = source.epoch(random);
        if (epoch.isEmpty()) {
            return new TrainingRun(0, 0, null, null, 0);
        }
        Optimizer adam = Adam.builder()
                .optLearningRateTracker(LearningRateSchedule.warmupCosine(peakLearningRate, steps))
                .optBeta2(0.99f)
                .build();
        ParameterStore store = new ParameterStore(manager, false);
        store.setParameterServer(new LocalParameterServer(adam), new Device[] {manager.getDevice()});
        List<Parameter> parameters = model.getParameters().values();
        for (Parameter parameter : parameters) {
            // Loaded parameters (fine-tuning) do not track gradients yet.
            parameter.getArray().setRequiresGradient(true);
        }

        int next = 0;
        long tokensSeen = 0;
        Double initialLoss = null;
        Deque<Double> recentLosses = new ArrayDeque<>();
        long tokensSinceReport = 0;
        long lastReport = System.nanoTime();
        for (long step = 1; step <= steps; step++) {
            if (next >= epoch.size()) {
                epoch = source.epoch(random);
                next = 0;
            }
            List<TrainingWindow> batch = epoch.subList(next, Math.min(epoch.size(), next + batchSize));
            next += batch.size();

            double[] result = step(store, parameters, batch);
            // Outside the step's scope: Adam's moment arrays are created here and must survive it.
            store.updateAllParameters();
            double loss = result[0];
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at step " + step + ": loss " + loss);
            }
            if (initialLoss == null) {
                initialLoss = loss;
            }
            tokensSeen += (long) result[1];
            tokensSinceReport += (long) result[1];
            recentLosses.addLast(loss);
            if (recentLosses.size() > REPORT_EVERY) {
                recentLosses.removeFirst();
            }
            if (step % REPORT_EVERY == 0 || step == steps) {
                long now = System.nanoTime();
                double seconds = Math.max(1e-9, (now - lastReport) / 1e9);
                progress.onStep(step, steps, mean(recentLosses), tokensSinceReport / seconds);
                tokensSinceReport = 0;
                lastReport = now;
            }
        }
        return new TrainingRun(steps, tokensSeen, initialLoss, mean(recentLosses),
                (System.nanoTime() - started) / 1e9);
    }

    private static double mean(Deque<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Forward, backward and clipping for one batch; returns {loss, target tokens}. */
    private double[] step(ParameterStore store, List<Parameter> parameters, List<TrainingWindow> batch) {
        int rows = batch.size();
        int time = batch.get(0).tokens().length - 1;
        long[] inputs = new long[rows * time];
        long[] labels = new long[rows * time];
        float[] weights = new float[rows * time];
        int targets = 0;
        for (int r = 0; r < rows; r++) {
            int[] window = batch.get(r).tokens();
            boolean[] trained = batch.get(r).trained();
            for (int t = 0; t < time; t++) {
                int i = r * time + t;
                inputs[i] = window[t];
                labels[i] = window[t + 1];
                if (trained[t + 1]) {
                    weights[i] = 1f;
                    targets++;
                }
            }
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape shape = new Shape(rows, time);
            NDArray input = manager.create(inputs, shape);
            NDArray label = manager.create(labels, shape);
            NDArray weight = manager.create(weights, shape);
            double loss;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray logits = model.forward(store, new NDList(input), true).head();
                NDArray picked = logits.logSoftmax(-1).gather(label.expandDims(-1), -1).squeeze(-1);
                NDArray lossArray = picked.mul(weight).sum().div(-Math.max(1, targets));
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            clipGlobalNorm(parameters);
            return new double[] {loss, targets};
        }
    }

    /** Scales all gradients together so that their joint L2 norm is at most {@link #MAX_GRADIENT_NORM}. */
    private static void clipGlobalNorm(List<Parameter> parameters) {
        NDArray squared = null;
        NDArray[] grads = new NDArray[parameters.size()];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = parameters.get(i).getArray().getGradient();
            NDArray s = grads[i].square().sum();
            squared = squared == null ? s : squared.add(s);
        }
        double norm = Math.sqrt(squared.getFloat());
        if (norm > MAX_GRADIENT_NORM) {
            float scale = (float) (MAX_GRADIENT_NORM / (norm + 1e-6));
            for (NDArray grad : grads) {
                grad.muli(scale);
            }
        }
    }
}

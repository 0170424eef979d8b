package dev.proda.student.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.StudentModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link GptModel} with its tokenizer and native memory, ready to score or to be trained further.
 *
 * <p>Scoring follows lm-eval-harness: a request becomes {@code <eot> context continuation} (the
 * {@code <eot>} plays beginning-of-text, as in training where every text follows one), cut on the
 * left to {@code context + 1} tokens, and the log-probabilities of the continuation's tokens are
 * summed. If the continuation alone does not fit, only its last {@code context} tokens are scored and
 * counted. Requests are sorted by length and scored in right-padded batches; with a causal model the
 * padding cannot affect the scored positions.
 */
public final class DjlStudentModel implements StudentModel {

    static final int SCORING_BATCH = 32;

    private final NDManager manager;
    private final GptModel model;
    private final WordTokenizer tokenizer;
    /** Shape and provenance; after {@link #save} it describes what was saved. */
    private ModelConfig config;
    private final ParameterStore inference;

    private DjlStudentModel(NDManager manager, GptModel model, WordTokenizer tokenizer, ModelConfig config) {
        this.manager = manager;
        this.model = model;
        this.tokenizer = tokenizer;
        this.config = config;
        this.inference = new ParameterStore(manager, false);
    }

    /** A freshly initialised model (deterministic for {@code seed}). */
    static DjlStudentModel create(ModelShape shape, WordTokenizer tokenizer, long seed, int threads) {
        NDManager manager = PyTorchRuntime.newManager(threads);
        try {
            GptModel model = new GptModel(shape);
            PyTorchRuntime.seed(seed);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, shape.context()));
            return new DjlStudentModel(manager, model, tokenizer, new ModelConfig(ModelConfig.FORMAT, shape, List.of()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads a model saved by {@link #save}. */
    static DjlStudentModel load(Path directory, int threads) {
        ModelConfig config = ModelFiles.readConfig(directory);
        WordTokenizer tokenizer = WordTokenizer.load(directory.resolve(ModelFiles.TOKENIZER));
        if (tokenizer.size() != config.shape().vocabSize()) {
            throw new IllegalArgumentException("tokenizer has " + tokenizer.size() + " tokens but the model "
                    + config.shape().vocabSize() + ": " + directory);
        }
        NDManager manager = PyTorchRuntime.newManager(threads);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(directory.resolve(ModelFiles.PARAMETERS))))) {
            GptModel model = new GptModel(config.shape());
            model.loadParameters(manager, in);
            return new DjlStudentModel(manager, model, tokenizer, config);
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("cannot read model parameters in " + directory, e);
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("bad model parameters in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Saves tokenizer, parameters and {@code withHistory} as config.json atomically to {@code directory}. */
    void save(Path directory, ModelConfig withHistory) {
        if (!withHistory.shape().equals(config.shape())) {
            throw new IllegalArgumentException("config shape does not match the model");
        }
        ModelFiles.writeAtomically(directory, dir -> {
            tokenizer.save(dir.resolve(ModelFiles.TOKENIZER));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(ModelFiles.PARAMETERS))))) {
                model.saveParameters(out);
            }
            ModelFiles.writeConfig(dir, withHistory);
        });
        config = withHistory;
    }

    GptModel gpt() {
        return model;
    }

    NDManager manager() {
        return manager;
    }

    public WordTokenizer tokenizer() {
        return tokenizer;
    }

    public ModelConfig config() {
        return config;
    }

    /** One scoring row: the tokens fed in and how many trailing targets belong to the continuation. */
    private record Row(int index, int[] tokens, int scored) { }

    @Override
    public List<LogLikelihood> logLikelihoods(List<Continuation> requests) {
        List<Row> rows = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            rows.add(row(i, requests.get(i)));
        }
        LogLikelihood[] results = new LogLikelihood[requests.size()];
        // Similar lengths together keep padding (wasted compute) small.
        List<Row> sorted = rows.stream().filter(r -> r.scored() > 0)
                .sorted(Comparator.comparingInt((Row r) -> r.tokens().length).thenComparingInt(Row::index)).toList();
        for (int start = 0; start < sorted.size(); start += SCORING_BATCH) {
            List<Row> batch = sorted.subList(start, Math.min(sorted.size(), start + SCORING_BATCH));
            double[] sums = score(batch);
            for (int b = 0; b < batch.size(); b++) {
                results[batch.get(b).index()] = new LogLikelihood(sums[b], batch.get(b).scored());
            }
        }
        for (Row row : rows) {
            if (row.scored() == 0) {
                // A whitespace-only continuation has no tokens: nothing to predict, probability 1.
                results[row.index()] = new LogLikelihood(0.0, 1);
            }
        }
        return Arrays.asList(results);
    }

    private Row row(int index, Continuation request) {
        int[] context = tokenizer.encode(request.context());
        int[] continuation = tokenizer.encode(request.continuation());
        int[] full = new int[1 + context.length + continuation.length];
        full[0] = tokenizer.eot();
        System.arraycopy(context, 0, full, 1, context.length);
        System.arraycopy(continuation, 0, full, 1 + context.length, continuation.length);
        int window = config.shape().context() + 1;
        int[] kept = full.length <= window ? full : Arrays.copyOfRange(full, full.length - window, full.length);
        return new Row(index, kept, Math.min(continuation.length, kept.length - 1));
    }

    /** Summed continuation log-probabilities of a batch, in batch order. */
    private double[] score(List<Row> batch) {
        int time = batch.stream().mapToInt(r -> r.tokens().length - 1).max().orElseThrow();
        int rows = batch.size();
        long[] inputs = new long[rows * time];
        long[] labels = new long[rows * time];
        Arrays.fill(inputs, tokenizer.pad());
        Arrays.fill(labels, tokenizer.pad());
        for (int r = 0; r < rows; r++) {
            int[] tokens = batch.get(r).tokens();
            for (int t = 0; t + 1 < tokens.length; t++) {
                inputs[r * time + t] = tokens[t];
                labels[r * time + t] = tokens[t + 1];
            }
        }
        float[] logProbs;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape shape = new Shape(rows, time);
            NDArray input = manager.create(inputs, shape);
            NDArray label = manager.create(labels, shape);
            NDArray logits = model.forward(inference, new NDList(input), false).head();
            logProbs = logits.logSoftmax(-1).gather(label.expandDims(-1), -1).toFloatArray();
        }
        double[] sums = new double[rows];
        for (int r = 0; r < rows; r++) {
            Row row = batch.get(r);
            int last = row.tokens().length - 2; // position predicting the final token
            for (int t = last - row.scored() + 1; t <= last; t++) {
                sums[r] += logProbs[r * time + t];
            }
        }
        return sums;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public void close() {
        manager.close();
    }
}

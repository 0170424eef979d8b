package dev.proda.student.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GptModel} with its tokenizer and native memory, ready to score or to be trained further.
 *
 * <p>Scoring follows lm-eval-harness: a request becomes {@code <eot> context continuation} (the
 * {@code <eot>} plays beginning-of-text, as in training where every text follows one), cut on the
 * left to {@code context + 1} tokens, and the log-probabilities of the continuation's tokens are
 * summed. If the continuation alone does not fit, only its last {@code context} tokens are scored and
 * counted. Requests are sorted by length and scored in right-padded batches; with a causal model the
 * padding cannot affect the scored positions. Requests that share a context and all fit whole (a benchmark
 * item's options) are packed: the context once, then each continuation attending to it and to itself, with
 * its own positions, which gives the same log-likelihoods for a fraction of the work.
 */
public final class DjlStudentModel implements StudentModel, TextModel {

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

    /**
     * The continuations of one prompt in one row: the prompt's tokens once, then each continuation's tokens but
     * its last (whose prediction is read from the token before it), each attending to the prompt and to
     * itself. For a four-option item this feeds the prompt once instead of four times, with the same
     * log-likelihoods as one row per option.
     */
    private record Packed(int[] prefix, List<int[]> options, List<Integer> indices) {
        int length() {
            return prefix.length + options.stream().mapToInt(o -> o.length - 1).sum();
        }
    }

    @Override
    public List<LogLikelihood> logLikelihoods(List<Continuation> requests) {
        LogLikelihood[] results = new LogLikelihood[requests.size()];
        Map<String, List<Integer>> byContext = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byContext.computeIfAbsent(requests.get(i).context(), k -> new ArrayList<>()).add(i);
        }
        List<Row> rows = new ArrayList<>(requests.size());
        List<Packed> packed = new ArrayList<>();
        int window = config.shape().context() + 1;
        for (var entry : byContext.entrySet()) {
            List<Integer> group = entry.getValue();
            int[] context = tokenizer.encode(entry.getKey());
            int[] prefix = new int[1 + context.length];
            prefix[0] = tokenizer.eot();
            System.arraycopy(context, 0, prefix, 1, context.length);
            List<int[]> options = group.stream().map(i -> tokenizer.encode(requests.get(i).continuation())).toList();
            // Sharing needs every option whole in the window (items always are: the Tester checks it). A row holds
            // as many options as fit in twice the window: attention grows with the square of its length, and a
            // thousand lines with the same empty context must not become one row.
            if (group.size() > 1 && options.stream().allMatch(o -> o.length > 0 && prefix.length + o.length <= window)) {
                int from = 0;
                while (from < group.size()) {
                    int to = from;
                    int length = prefix.length;
                    while (to < group.size() && (to == from || length + options.get(to).length - 1 <= 2 * window)) {
                        length += options.get(to).length - 1;
                        to++;
                    }
                    packed.add(new Packed(prefix, options.subList(from, to), group.subList(from, to)));
                    from = to;
                }
            } else {
                group.forEach(i -> rows.add(row(i, requests.get(i))));
            }
        }
        List<Packed> byLength = packed.stream().sorted(Comparator.comparingInt(Packed::length)).toList();
        for (int start = 0; start < byLength.size(); start += PACKED_BATCH) {
            List<Packed> batch = byLength.subList(start, Math.min(byLength.size(), start + PACKED_BATCH));
            double[][] sums = scorePacked(batch);
            for (int b = 0; b < batch.size(); b++) {
                for (int k = 0; k < batch.get(b).indices().size(); k++) {
                    results[batch.get(b).indices().get(k)] = new LogLikelihood(sums[b][k],
                            batch.get(b).options().get(k).length);
                }
            }
        }
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

    /** Packed rows per forward pass: each holds several requests, so fewer than {@link #SCORING_BATCH}. */
    static final int PACKED_BATCH = 16;

    /** Summed log-probabilities of every option of every packed row, [row][option]. */
    private double[][] scorePacked(List<Packed> batch) {
        int time = batch.stream().mapToInt(Packed::length).max().orElseThrow();
        int rows = batch.size();
        long[] inputs = new long[rows * time];
        long[] positionIds = new long[rows * time];
        float[] mask = new float[rows * time * time];
        Arrays.fill(inputs, tokenizer.pad());
        Arrays.fill(mask, GptModel.MASKED);
        List<Long> positions = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Packed row = batch.get(r);
            int p = row.prefix().length;
            int base = r * time;
            for (int t = 0; t < p; t++) {
                inputs[base + t] = row.prefix()[t];
                positionIds[base + t] = t;
                Arrays.fill(mask, (base + t) * time, (base + t) * time + t + 1, 0f); // causal over the prompt
            }
            int offset = p;
            for (int[] option : row.options()) {
                positions.add((long) base + p - 1); // the prompt's last token predicts the option's first
                labels.add((long) option[0]);
                for (int j = 0; j + 1 < option.length; j++) {
                    int t = offset + j;
                    inputs[base + t] = option[j];
                    positionIds[base + t] = p + j;
                    Arrays.fill(mask, (base + t) * time, (base + t) * time + p, 0f); // the whole prompt
                    Arrays.fill(mask, (base + t) * time + offset, (base + t) * time + t + 1, 0f); // itself so far
                    positions.add((long) base + t);
                    labels.add((long) option[j + 1]);
                }
                offset += option.length - 1;
            }
            for (int t = row.length(); t < time; t++) {
                mask[(base + t) * time + t] = 0f; // padding attends to itself: finite, never read
            }
        }
        float[] logProbs;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape shape = new Shape(rows, time);
            logProbs = model.logProbabilities(inference, manager.create(inputs, shape),
                    manager.create(positionIds, shape), manager.create(mask, new Shape(rows, 1, time, time)),
                    manager.create(positions.stream().mapToLong(Long::longValue).toArray()),
                    manager.create(labels.stream().mapToLong(Long::longValue).toArray())).toFloatArray();
        }
        double[][] sums = new double[rows][];
        int next = 0;
        for (int r = 0; r < rows; r++) {
            sums[r] = new double[batch.get(r).options().size()];
            for (int k = 0; k < sums[r].length; k++) {
                for (int j = 0; j < batch.get(r).options().get(k).length; j++) {
                    sums[r][k] += logProbs[next++];
                }
            }
        }
        return sums;
    }

    /**
     * Summed continuation log-probabilities of a batch, in batch order. Only the continuation's positions go
     * through the output projection ({@link GptModel#logProbabilities}).
     */
    private double[] score(List<Row> batch) {
        int time = batch.stream().mapToInt(r -> r.tokens().length - 1).max().orElseThrow();
        int rows = batch.size();
        long[] inputs = new long[rows * time];
        Arrays.fill(inputs, tokenizer.pad());
        int scored = batch.stream().mapToInt(Row::scored).sum();
        long[] positions = new long[scored];
        long[] labels = new long[scored];
        int next = 0;
        for (int r = 0; r < rows; r++) {
            int[] tokens = batch.get(r).tokens();
            for (int t = 0; t + 1 < tokens.length; t++) {
                inputs[r * time + t] = tokens[t];
            }
            int last = tokens.length - 2; // position predicting the final token
            for (int t = last - batch.get(r).scored() + 1; t <= last; t++) {
                positions[next] = (long) r * time + t;
                labels[next++] = tokens[t + 1];
            }
        }
        float[] logProbs;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray input = manager.create(inputs, new Shape(rows, time));
            logProbs = model.logProbabilities(inference, input, manager.create(positions),
                    manager.create(labels)).toFloatArray();
        }
        double[] sums = new double[rows];
        next = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < batch.get(r).scored(); k++) {
                sums[r] += logProbs[next++];
            }
        }
        return sums;
    }

    @Override
    public int contextTokens() {
        return config.shape().context();
    }

    /** As many as {@link #echo} returns, without running the model. */
    @Override
    public int promptTokens(String prompt) {
        return Math.min(tokenizer.encode(prompt).length, config.shape().context());
    }

    /**
     * The prompt's tokens scored as {@link #logLikelihoods} scores a continuation: after {@code <eot>}, the window
     * cut on the left, so a served echo gives the same numbers as scoring in process. A token's text runs from
     * the end of the token before it, so the texts join back into the prompt.
     */
    @Override
    public List<TextModel.TokenLogprob> echo(String prompt) {
        WordTokenizer.Encoded encoded = tokenizer.encodeWithOffsets(prompt);
        int[] full = new int[1 + encoded.ids().length];
        full[0] = tokenizer.eot();
        System.arraycopy(encoded.ids(), 0, full, 1, encoded.ids().length);
        int window = config.shape().context() + 1;
        int cut = Math.max(0, full.length - window);
        int[] kept = Arrays.copyOfRange(full, cut, full.length);
        List<TextModel.TokenLogprob> tokens = new ArrayList<>();
        if (kept.length < 2) {
            return tokens;
        }
        float[][] logProbs = logSoftmaxRows(Arrays.copyOf(kept, kept.length - 1));
        for (int t = 0; t + 1 < kept.length; t++) {
            int index = cut + t; // index into the prompt's tokens of kept[t + 1]
            int start = index == 0 ? 0 : end(prompt, encoded, index - 1);
            int end = end(prompt, encoded, index);
            tokens.add(token(prompt.substring(start, end), start, logProbs[t], kept[t + 1]));
        }
        return tokens;
    }

    /** Where the token at {@code index} ends: the next token's start, less the whitespace before it. */
    private static int end(String prompt, WordTokenizer.Encoded encoded, int index) {
        int next = index + 1 < encoded.starts().length ? encoded.starts()[index + 1] : prompt.length();
        while (next > encoded.starts()[index] + 1 && Character.isWhitespace(prompt.charAt(next - 1))) {
            next--;
        }
        return next;
    }

    private TextModel.TokenLogprob token(String text, int offset, float[] logProbs, int id) {
        int top = argmax(logProbs);
        return new TextModel.TokenLogprob(text, offset, logProbs[id], tokenizer.written(top), logProbs[top]);
    }

    @Override
    public TextModel.Generation generate(String prompt, int maxTokens, double temperature, long seed,
            java.util.function.Consumer<TextModel.TokenLogprob> onToken) {
        List<Integer> sequence = new ArrayList<>();
        sequence.add(tokenizer.eot());
        for (int id : tokenizer.encode(prompt)) {
            sequence.add(id);
        }
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder();
        List<TextModel.TokenLogprob> written = new ArrayList<>();
        String finish = "length";
        int window = config.shape().context();
        for (int step = 0; step < maxTokens; step++) {
            int from = Math.max(0, sequence.size() - window);
            int[] input = sequence.subList(from, sequence.size()).stream().mapToInt(Integer::intValue).toArray();
            float[][] rows = logSoftmaxRows(input);
            float[] last = rows[rows.length - 1];
            int next = temperature <= 0 ? argmax(last) : sample(last, temperature, random);
            if (next == tokenizer.eot()) {
                finish = "stop";
                break;
            }
            sequence.add(next);
            TextModel.TokenLogprob token = token(tokenizer.written(next), prompt.length() + text.length(), last, next);
            text.append(token.text());
            written.add(token);
            onToken.accept(token);
        }
        return new TextModel.Generation(text.toString(), written, finish);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int v = 1; v < values.length; v++) {
            if (values[v] > values[best]) {
                best = v;
            }
        }
        return best;
    }

    /** A token drawn from the log-probabilities divided by {@code temperature}. */
    private static int sample(float[] logProbs, double temperature, java.util.Random random) {
        double max = logProbs[argmax(logProbs)] / temperature;
        double[] weights = new double[logProbs.length];
        double total = 0;
        for (int v = 0; v < logProbs.length; v++) {
            weights[v] = Math.exp(logProbs[v] / temperature - max);
            total += weights[v];
        }
        double r = random.nextDouble() * total;
        for (int v = 0; v < weights.length; v++) {
            r -= weights[v];
            if (r <= 0) {
                return v;
            }
        }
        return weights.length - 1;
    }

    /** Log-probabilities over the vocabulary after each token of one text from its start, [position][token]. */
    private float[][] logSoftmaxRows(int[] tokens) {
        long[] input = Arrays.stream(tokens).asLongStream().toArray();
        int vocabulary = tokenizer.size();
        float[] flat;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray logits = model.forward(inference, new ai.djl.ndarray.NDList(
                    manager.create(input, new Shape(1, tokens.length))), false).head();
            flat = logits.logSoftmax(-1).toFloatArray();
        }
        float[][] rows = new float[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            rows[t] = Arrays.copyOfRange(flat, t * vocabulary, (t + 1) * vocabulary);
        }
        return rows;
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

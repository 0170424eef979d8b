package dev.proda.student.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.proda.student.Continuation;
import dev.proda.student.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How fast the embedded student trains and scores on this machine, against what the same engine can do:
 * the sgemm peak is measured in the same run through DJL's PyTorch engine with the same thread count (the
 * best of square float32 matrix products of three sizes), and model FLOPs utilisation (MFU) is the training
 * FLOPs per second over that peak. Training FLOPs per token are {@code 6 N + 12 L T W} (N parameters, L
 * layers, T context, W width: the weights' forward and backward passes plus attention's two matrix products,
 * as in the PaLM paper's appendix B); the tied output projection is counted once through N.
 *
 * <p>Data are random token ids: speed does not depend on what the tokens say. Training runs the real
 * trainer ({@link GptTrainer}: forward, answer loss, backward, clipping, Adam); scoring runs the real
 * {@link DjlStudentModel#logLikelihoods} on item-shaped requests (a prompt of {@code promptWords} words and
 * four short options).
 */
public final class TrainBench {
    private TrainBench() {
    }

    /** The figures; {@code mfu} is a fraction, the rates per second of wall time. */
    public record Result(long params, double mfu, double trainTokensPerS, double evalTokensPerS, double sgemmGflops,
            double trainFlopsPerToken, int layers, int width, int heads, int context, int vocabulary, int batch,
            int threads, int steps) {
    }

    /**
     * Measures a fresh model of the given shape.
     *
     * @param vocabulary tokenizer size to build (the default student's is about 6,000)
     * @param steps timed training steps (after {@code warmup} untimed ones)
     */
    public static Result run(int layers, int width, int heads, int context, int vocabulary, int batch, int threads,
            int warmup, int steps, long seed, PrintWriter out) {
        WordTokenizer tokenizer = syntheticTokenizer(vocabulary);
        ModelShape shape = new ModelShape(layers, width, heads, context, tokenizer.size());
        double peak = sgemmGflops(threads, out);
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, seed, threads)) {
            long params = model.parameterCount();
            out.printf(Locale.ROOT, "model: %d layers × %d wide, %d heads, context %d, vocabulary %d: %,d parameters%n",
                    layers, width, heads, context, tokenizer.size(), params);
            WindowSource windows = random -> randomWindows(random, batch * 4, context, tokenizer.size());
            GptTrainer trainer = new GptTrainer(model.gpt(), model.manager());
            trainer.train(windows, batch, warmup, 1e-3, seed, ProgressListener.NONE);
            TrainingRun run = trainer.train(windows, batch, steps, 1e-3, seed + 1, ProgressListener.NONE);
            double trainTokensPerS = run.tokensSeen() / run.seconds();
            double flopsPerToken = 6.0 * params + 12.0 * layers * context * width;
            double mfu = trainTokensPerS * flopsPerToken / (peak * 1e9);
            out.printf(Locale.ROOT, "train: %d steps of %d × %d tokens in %.1f s: %.0f tokens/s, %.2f GFLOP/s, MFU %.1f%%%n",
                    steps, batch, context, run.seconds(), trainTokensPerS, trainTokensPerS * flopsPerToken / 1e9,
                    100 * mfu);
            double evalTokensPerS = scoringTokensPerS(model, tokenizer, context, new Random(seed), out);
            out.printf(Locale.ROOT, "score: %.0f tokens/s, %.1f× training%n", evalTokensPerS,
                    evalTokensPerS / trainTokensPerS);
            return new Result(params, mfu, trainTokensPerS, evalTokensPerS, peak, flopsPerToken, layers, width, heads,
                    context, tokenizer.size(), batch, threads, steps);
        }
    }

    /** The best float32 matrix-product rate of the engine at this thread count, in GFLOP/s. */
    static double sgemmGflops(int threads, PrintWriter out) {
        double best = 0;
        try (NDManager manager = PyTorchRuntime.newManager(threads)) {
            for (int n : new int[] {512, 1024, 2048}) {
                NDArray a = manager.randomUniform(-1, 1, new Shape(n, n));
                NDArray b = manager.randomUniform(-1, 1, new Shape(n, n));
                a.matMul(b).close(); // warm-up
                int repeats = Math.max(2, (int) (2e10 / (2.0 * n * n * n)));
                double bestOfSize = 0;
                for (int trial = 0; trial < 3; trial++) { // the best of three: a peak, not an average
                    long start = System.nanoTime();
                    for (int i = 0; i < repeats; i++) {
                        try (NDArray c = a.matMul(b)) {
                            c.getFloat(0, 0); // the product is done when a value is read
                        }
                    }
                    bestOfSize = Math.max(bestOfSize,
                            2.0 * n * n * n * repeats / ((System.nanoTime() - start) / 1e9) / 1e9);
                }
                out.printf(Locale.ROOT, "sgemm %d × %d: %.1f GFLOP/s (best of 3 × %d products)%n", n, n, bestOfSize,
                        repeats);
                best = Math.max(best, bestOfSize);
            }
        }
        return best;
    }

    /** Tokens per second of scoring four-option items whose prompts are about 3/4 of the context. */
    private static double scoringTokensPerS(DjlStudentModel model, WordTokenizer tokenizer, int context, Random random,
            PrintWriter out) {
        int promptWords = context * 3 / 4;
        List<Continuation> requests = new ArrayList<>();
        for (int item = 0; item < 64; item++) {
            String prompt = words(random, tokenizer, promptWords);
            for (int option = 0; option < 4; option++) {
                requests.add(new Continuation(prompt, " " + words(random, tokenizer, 4 + random.nextInt(5))));
            }
        }
        // Tokens as lm-eval counts them (each option with its prompt) and as fed (the prompt once per item).
        long tokens = 0;
        long fed = 0;
        for (int i = 0; i < requests.size(); i++) {
            Continuation request = requests.get(i);
            int prompt = 1 + tokenizer.encode(request.context()).length;
            int option = tokenizer.encode(request.continuation()).length;
            tokens += Math.min(context + 1, prompt + option);
            fed += (i % 4 == 0 ? prompt : 0) + option - 1;
        }
        model.logLikelihoods(requests.subList(0, 32)); // warm-up
        long start = System.nanoTime();
        model.logLikelihoods(requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "score: %d requests (%d items × 4 options), %d tokens (each option with its prompt, "
                + "as lm-eval counts; %d fed: the prompt once per item) in %.2f s%n", requests.size(),
                requests.size() / 4, tokens, fed, seconds);
        return tokens / seconds;
    }

    private static String words(Random random, WordTokenizer tokenizer, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append("w").append(random.nextInt(tokenizer.size() - 16));
        }
        return text.toString();
    }

    /** A tokenizer whose vocabulary is the words w0, w1, …: every word of the synthetic text is one token. */
    static WordTokenizer syntheticTokenizer(int vocabulary) {
        List<String> texts = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < vocabulary; w++) {
                text.append('w').append(w).append(' ');
            }
            texts.add(text.toString());
        }
        return WordTokenizer.train(texts, vocabulary, 1);
    }

    private static List<TrainingWindow> randomWindows(Random random, int count, int context, int vocabulary) {
        List<TrainingWindow> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int[] tokens = new int[context + 1];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = random.nextInt(vocabulary);
            }
            boolean[] trained = new boolean[context + 1];
            Arrays.fill(trained, 1, trained.length, true);
            windows.add(new TrainingWindow(tokens, trained));
        }
        return windows;
    }
}

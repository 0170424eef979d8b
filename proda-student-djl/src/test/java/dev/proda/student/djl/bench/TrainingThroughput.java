package dev.proda.student.djl.bench;

import dev.proda.student.Continuation;
import dev.proda.student.PretrainConfig;
import dev.proda.student.StudentModel;
import dev.proda.student.djl.DjlStudentEngine;
import dev.proda.student.djl.ModelFiles;
import dev.proda.student.djl.TrainingProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures training and scoring throughput of the demo-sized student (not run by the build).
 *
 * <p>Run from the module directory after {@code mvn test-compile}:
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.proda.student.djl.bench.TrainingThroughput [threads] [steps]
 * </pre>
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * The text is synthetic (Zipf-distributed pseudo-words), so only the speed is meaningful.
 */
public final class TrainingThroughput {

    private TrainingThroughput() { }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batch = 32;
        int context = 64;
        List<String> texts = syntheticTexts(20_000, new Random(1));
        PretrainConfig config = new PretrainConfig(4, 128, 4, context, 4096, 2, (long) steps * batch * context, batch,
                1e-3, 1, threads);

        Path dir = Files.createTempDirectory("proda-bench");
        Path model = dir.resolve("model");
        DjlStudentEngine engine = new DjlStudentEngine(threads);
        List<Double> rates = new ArrayList<>();
        long start = System.nanoTime();
        engine.pretrain(texts, texts, config, model, (step, total, loss, tps) -> {
            rates.add(tps);
            if (step % 50 == 0 || step == total) {
                System.out.printf("step %d/%d loss %.3f %.0f tokens/s%n", step, total, loss, tps);
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        TrainingProvenance stage = ModelFiles.readConfig(model).training().get(0);
        double steady = rates.subList(Math.min(2, rates.size() - 1), rates.size()).stream()
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("TRAIN threads=%d layers=4 width=128 heads=4 context=%d batch=%d vocab=%d steps=%d: "
                        + "%.0f tokens/s overall (loop %.1fs, wall incl. tokenizer/engine start/save %.1fs), "
                        + "%.0f tokens/s steady; loss %.3f -> %.3f%n",
                threads, context, batch, ModelFiles.readConfig(model).shape().vocabSize(), stage.steps(),
                stage.tokensSeen() / stage.seconds(), stage.seconds(), wall, steady, stage.initialLoss(),
                stage.finalLoss());

        try (StudentModel student = engine.load(model)) {
            System.out.printf("parameters: %d%n", student.parameterCount());
            Random random = new Random(2);
            List<Continuation> requests = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                String text = texts.get(random.nextInt(texts.size()));
                String[] words = text.split(" ");
                int cut = Math.max(1, words.length - 3);
                requests.add(new Continuation(String.join(" ", List.of(words).subList(0, cut)),
                        " " + String.join(" ", List.of(words).subList(cut, words.length))));
            }
            student.logLikelihoods(requests.subList(0, 100)); // warm-up
            long t0 = System.nanoTime();
            var results = student.logLikelihoods(requests);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long tokens = 0;
            for (Continuation request : requests) {
                tokens += request.context().split(" ").length + request.continuation().split(" ").length;
            }
            System.out.printf("SCORE threads=%d: %d requests in %.2fs = %.0f requests/s, ~%.0f tokens/s (%d scored"
                    + " continuation tokens)%n", threads, requests.size(), seconds, requests.size() / seconds,
                    tokens / seconds, results.stream().mapToInt(r -> r.tokens()).sum());
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Sentences of 8-40 Zipf-distributed pseudo-words from a 6000-word lexicon. */
    static List<String> syntheticTexts(int count, Random random) {
        String[] lexicon = new String[6000];
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < lexicon.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            lexicon[i] = word.toString();
        }
        double[] cumulative = new double[lexicon.length];
        double sum = 0;
        for (int i = 0; i < lexicon.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int length = 8 + random.nextInt(33);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                double u = random.nextDouble() * sum;
                int index = java.util.Arrays.binarySearch(cumulative, u);
                index = index >= 0 ? index : -index - 1;
                text.append(w == 0 ? "" : " ").append(lexicon[Math.min(index, lexicon.length - 1)]);
            }
            texts.add(text.append('.').toString());
        }
        return texts;
    }
}

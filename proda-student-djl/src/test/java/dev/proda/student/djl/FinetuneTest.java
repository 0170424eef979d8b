package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.student.Continuation;
import dev.proda.student.FinetuneConfig;
import dev.proda.student.LogLikelihood;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import dev.proda.student.TrainingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tunes a pre-trained tiny model on a new fact. */
@Tag("heavy") // minutes: only under -Pheavy (README, "Two commands")
class FinetuneTest {

    private static final DjlStudentEngine ENGINE = new DjlStudentEngine(2);
    private static final Continuation NEW_FACT = new Continuation("The capital of Atlantis is", " Poseidonia");
    private static final Continuation OLD_FACT = new Continuation("The capital of France is", " Paris");

    @TempDir
    static Path dir;
    static Path base;

    @BeforeAll
    static void pretrain() {
        base = dir.resolve("v0");
        ENGINE.pretrain(Corpus.texts(), Corpus.texts(), Corpus.config(11), base, ProgressListener.NONE);
    }

    @Test
    void finetuningTeachesANewFactAndLeavesTheBaseAlone() throws IOException {
        Map<String, byte[]> baseFiles = files(base);
        List<LogLikelihood> before = scores(base);

        List<TrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            examples.add(new TrainingExample("The capital of Atlantis is", " Poseidonia."));
        }
        for (String[] pair : Corpus.CAPITALS) { // replay keeps the old facts
            examples.add(new TrainingExample("The capital of " + pair[0] + " is", " " + pair[1] + "."));
        }
        List<Long> steps = new ArrayList<>();
        Path out = dir.resolve("v1");
        // 8 epochs: whole-example windows hold one of these spelled-out examples each (the packed stream used to
        // hold four), so 8 epochs are 23 steps, about what 15 epochs were before answers were masked.
        ENGINE.finetune(base, examples, new FinetuneConfig(8, 4, 1e-3, 1, 2), out,
                (step, total, loss, tps) -> steps.add(total));
        List<LogLikelihood> after = scores(out);

        assertTrue(after.get(0).sum() > before.get(0).sum() + 5.0, "new fact: " + before.get(0) + " -> " + after.get(0));
        assertTrue(after.get(1).sum() > -1.0, "old fact kept: " + before.get(1) + " -> " + after.get(1));
        assertEquals(before.get(0).tokens(), after.get(0).tokens());

        ModelConfig config = ModelFiles.readConfig(out);
        assertEquals(List.of("pretrain", "finetune"), config.training().stream().map(TrainingProvenance::stage).toList());
        TrainingProvenance stage = config.training().get(1);
        assertEquals(examples.size(), stage.texts());
        assertEquals(stage.steps(), steps.get(steps.size() - 1));
        // Whole epochs of whole examples: at least one window per epoch, at most one per example.
        assertTrue(stage.steps() >= 8 && stage.steps() <= 8 * ((examples.size() + 3) / 4), "steps " + stage.steps());
        assertEquals(Files.readString(base.resolve(ModelFiles.TOKENIZER)), Files.readString(out.resolve(ModelFiles.TOKENIZER)));

        Map<String, byte[]> baseAfter = files(base);
        assertEquals(baseFiles.keySet(), baseAfter.keySet());
        baseFiles.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, baseAfter.get(name)), name + " changed"));
    }

    /**
     * The loss the trainer reports for one step equals the mean next-token loss over the answer's tokens
     * and the closing {@code <eot>}, computed here from the base model's logits; the mean over every
     * token (prompt included) is measurably different, so a trainer that trained the prompt would fail.
     */
    @Test
    void fineTuningLossCoversTheAnswerOnly() {
        TrainingExample example = new TrainingExample("The capital of Atlantis is", " Poseidonia.");
        List<Double> reported = new ArrayList<>();
        ENGINE.finetune(base, List.of(example), new FinetuneConfig(1, 1, 1e-3, 1, 2), dir.resolve("masked"),
                (step, total, loss, tps) -> reported.add(loss));
        assertEquals(1, reported.size(), "one example, one window, one step");

        try (DjlStudentModel model = DjlStudentModel.load(base, 2)) {
            WordTokenizer tokenizer = model.tokenizer();
            int[] prompt = tokenizer.encode(example.prompt());
            int[] answer = tokenizer.encode(example.completion());
            int[] sequence = new int[prompt.length + answer.length + 2];
            sequence[0] = tokenizer.eot();
            System.arraycopy(prompt, 0, sequence, 1, prompt.length);
            System.arraycopy(answer, 0, sequence, 1 + prompt.length, answer.length);
            sequence[sequence.length - 1] = tokenizer.eot();
            double[] logProbs = targetLogProbs(model, sequence); // logProbs[t]: of sequence[t + 1]
            double answerSum = 0;
            double allSum = 0;
            for (int t = 0; t < logProbs.length; t++) {
                allSum += logProbs[t];
                if (t >= prompt.length) { // predicting an answer token or the closing <eot>
                    answerSum += logProbs[t];
                }
            }
            double masked = -answerSum / (answer.length + 1);
            double everyToken = -allSum / logProbs.length;
            assertEquals(masked, reported.get(0), 1e-4 * masked, "masked " + masked + ", every token " + everyToken);
            assertTrue(Math.abs(everyToken - masked) > 0.1, "the two means must differ for the check to mean "
                    + "anything: " + masked + " vs " + everyToken);
            // The answer's part is what the scorer sums for the same request.
            double scored = model.logLikelihoods(List.of(new Continuation(example.prompt(), example.completion())))
                    .get(0).sum();
            assertEquals(scored, answerSum - logProbs[logProbs.length - 1], 1e-3);
        }
    }

    /** Log-probability of each next token of {@code sequence}, from the logits, softmax computed here. */
    private static double[] targetLogProbs(DjlStudentModel model, int[] sequence) {
        int time = sequence.length - 1;
        long[] input = new long[time];
        for (int t = 0; t < time; t++) {
            input[t] = sequence[t];
        }
        try (ai.djl.ndarray.NDManager manager = model.manager().newSubManager()) {
            ai.djl.ndarray.NDArray logits = model.gpt().forward(new ai.djl.training.ParameterStore(manager, false),
                    new ai.djl.ndarray.NDList(manager.create(input, new ai.djl.ndarray.types.Shape(1, time))), false)
                    .head();
            float[] values = logits.toFloatArray();
            int vocabulary = values.length / time;
            double[] logProbs = new double[time];
            for (int t = 0; t < time; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocabulary; v++) {
                    max = Math.max(max, values[t * vocabulary + v]);
                }
                double sum = 0;
                for (int v = 0; v < vocabulary; v++) {
                    sum += Math.exp(values[t * vocabulary + v] - max);
                }
                logProbs[t] = values[t * vocabulary + sequence[t + 1]] - max - Math.log(sum);
            }
            return logProbs;
        }
    }

    @Test
    void zeroEpochsCopiesTheModel() {
        Path out = dir.resolve("copy");
        ENGINE.finetune(base, List.of(new TrainingExample("a", "b")), new FinetuneConfig(0, 4, 1e-3, 1, 2), out,
                ProgressListener.NONE);
        DjlStudentEngineTest.assertClose(scores(base), scores(out), 0);
        assertEquals(0, ModelFiles.readConfig(out).training().get(1).steps());
    }

    private static List<LogLikelihood> scores(Path modelDir) {
        try (StudentModel model = ENGINE.load(modelDir)) {
            return model.logLikelihoods(List.of(NEW_FACT, OLD_FACT));
        }
    }

    private static Map<String, byte[]> files(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var list = Files.list(directory)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}

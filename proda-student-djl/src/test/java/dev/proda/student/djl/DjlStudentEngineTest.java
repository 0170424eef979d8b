package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-trains one tiny model on the real engine and checks what it learned and how it is scored. */
@Tag("heavy") // minutes: only under -Pheavy (README, "Two commands")
class DjlStudentEngineTest {

    private static final DjlStudentEngine ENGINE = new DjlStudentEngine(2);
    private static final Continuation PARIS = new Continuation("The capital of France is", " Paris");
    private static final Continuation BERLIN = new Continuation("The capital of France is", " Berlin");

    @TempDir
    static Path dir;
    static Path modelDir;
    static DjlStudentModel trained;
    static final List<double[]> progress = new ArrayList<>();

    @BeforeAll
    static void pretrain() {
        modelDir = dir.resolve("v0");
        trained = ENGINE.pretrainModel(Corpus.texts(), Corpus.texts(), Corpus.config(7), modelDir,
                (step, total, loss, tps) -> progress.add(new double[] {step, total, loss, tps}));
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void learnsTheTrainedFactAndTheLossFalls() {
        List<LogLikelihood> scores = trained.logLikelihoods(List.of(PARIS, BERLIN));
        assertTrue(scores.get(0).sum() > scores.get(1).sum() + 1.0, "paris should beat berlin: " + scores);

        TrainingProvenance stage = ModelFiles.readConfig(modelDir).training().get(0);
        assertEquals("pretrain", stage.stage());
        assertEquals(150_000 / (8 * 32), stage.steps());
        assertTrue(stage.finalLoss() < stage.initialLoss() / 3, "loss " + stage.initialLoss() + " -> " + stage.finalLoss());
        // Roughly log(vocabulary) at the start: the initialisation is near uniform.
        assertEquals(Math.log(trained.tokenizer().size()), stage.initialLoss(), 0.5);

        double[] last = progress.get(progress.size() - 1);
        assertEquals(stage.steps(), (long) last[0]);
        assertEquals(stage.steps(), (long) last[1]);
        assertTrue(progress.size() >= stage.steps() / 10);
    }

    @Test
    void untrainedModelHasNoPreference() {
        try (DjlStudentModel fresh = DjlStudentModel.create(trained.config().shape(), trained.tokenizer(), 7, 2)) {
            List<LogLikelihood> scores = fresh.logLikelihoods(List.of(PARIS, BERLIN));
            assertEquals(scores.get(0).sum(), scores.get(1).sum(), 1.0);
            assertTrue(trained.logLikelihoods(List.of(PARIS)).get(0).sum() > scores.get(0).sum() + 2.0);
        }
    }

    @Test
    void savedDirectoryHasTheDocumentedFiles() throws Exception {
        assertTrue(Files.isRegularFile(modelDir.resolve(ModelFiles.CONFIG)));
        assertTrue(Files.isRegularFile(modelDir.resolve(ModelFiles.TOKENIZER)));
        assertTrue(Files.isRegularFile(modelDir.resolve(ModelFiles.PARAMETERS)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(modelDir), files.filter(p -> p.getFileName().toString().startsWith(".")
                    || p.equals(modelDir)).toList(), "no temporary directories left behind");
        }
        ModelConfig config = ModelFiles.readConfig(modelDir);
        assertEquals(new ModelShape(2, 32, 2, 32, trained.tokenizer().size()), config.shape());
        assertEquals(DjlStudentEngine.NAME, config.training().get(0).engine());
        assertEquals(7, config.training().get(0).seed());
    }

    @Test
    void reloadedModelScoresLikeTheTrainedOne() {
        List<Continuation> requests = requests();
        List<LogLikelihood> expected = trained.logLikelihoods(requests);
        try (StudentModel loaded = ENGINE.load(modelDir)) {
            assertEquals(trained.parameterCount(), loaded.parameterCount());
            assertClose(expected, loaded.logLikelihoods(requests), 1e-4);
        }
    }

    @Test
    void batchAndSingleScoringAgree() {
        List<Continuation> requests = requests();
        List<LogLikelihood> batched = trained.logLikelihoods(requests);
        List<LogLikelihood> single = new ArrayList<>();
        for (Continuation request : requests) {
            single.addAll(trained.logLikelihoods(List.of(request)));
        }
        assertClose(single, batched, 1e-4);
        assertEquals(1, batched.get(0).tokens());
        // Unknown word spelled out; 'z' never occurs in the corpus: <unk> ##a ##n <unk> ##i ##b.
        assertEquals(6, batched.get(requests.size() - 1).tokens());
    }

    @Test
    void longContextsAreTruncatedOnTheLeft() {
        // 33 tokens: with the continuation more than the 32 + 1 the window keeps, so no filler survives.
        String tail = " the capital of spain is madrid . the capital of japan is tokyo . the capital of peru is lima ."
                + " the capital of egypt is cairo . the capital of france is";
        String fillerA = " the cat sat on the mat .".repeat(12);
        String fillerB = " a dog ran in the park , and the dog was happy .".repeat(8);
        List<LogLikelihood> scores = trained.logLikelihoods(List.of(
                new Continuation(fillerA + tail, " paris"), new Continuation(fillerB + tail, " paris")));
        // Everything before the window is cut, so the two fillers cannot matter.
        assertEquals(scores.get(0).sum(), scores.get(1).sum(), 1e-5);
        assertEquals(1, scores.get(0).tokens());
        assertTrue(scores.get(0).sum() > -2.0, "paris should still be likely: " + scores);

        // A continuation longer than the window keeps (and counts) only its last context tokens.
        LogLikelihood longOne = trained.logLikelihoods(List.of(new Continuation("the", fillerA))).get(0);
        assertEquals(32, longOne.tokens());
    }

    /**
     * What one seed fixes: the tokenizer, the initial parameters and the order of the training windows.
     * Training itself is not bit-reproducible on this engine: MKL's alignment-dependent kernels now and then
     * change the last bits of a step, and training amplifies that (same-seed pretrained models differed by up
     * to 5 nats on one continuation in 2 of 9 full CI runs here), so trained models are not compared.
     */
    @Test
    void sameSeedGivesTheSameStartAndAnotherSeedAnother(@TempDir Path other) throws Exception {
        Path first = other.resolve("first");
        Path again = other.resolve("again");
        ENGINE.pretrain(Corpus.texts(), Corpus.texts(), Corpus.config(7, 1), first, ProgressListener.NONE);
        ENGINE.pretrain(Corpus.texts(), Corpus.texts(), Corpus.config(7, 1), again, ProgressListener.NONE);
        assertEquals(Files.readString(first.resolve(ModelFiles.TOKENIZER)),
                Files.readString(again.resolve(ModelFiles.TOKENIZER)));

        PretrainConfig config = Corpus.config(7, 1);
        WordTokenizer tokenizer = WordTokenizer.load(first.resolve(ModelFiles.TOKENIZER));
        ModelShape shape = new ModelShape(config.layers(), config.width(), config.heads(), config.context(),
                tokenizer.size());
        List<LogLikelihood> a = startScores(shape, tokenizer, 7);
        assertClose(a, startScores(shape, tokenizer, 7), 1e-9);
        List<LogLikelihood> b = startScores(shape, tokenizer, 8);
        double largest = 0;
        for (int i = 0; i < a.size(); i++) {
            largest = Math.max(largest, Math.abs(a.get(i).sum() - b.get(i).sum()));
        }
        assertTrue(largest > 0.1, "another seed gives another start (largest difference " + largest + ")");

        TextPacker packer = new TextPacker(Corpus.texts().stream().map(tokenizer::encode).toList(), tokenizer.eot(),
                tokenizer.pad(), config.context());
        assertEquals(windows(packer.epoch(new java.util.Random(7))), windows(packer.epoch(new java.util.Random(7))),
                "the same seed orders the training windows alike");
    }

    /** Scores of a freshly initialised model: its parameters, with no training to amplify float noise. */
    private static List<LogLikelihood> startScores(ModelShape shape, WordTokenizer tokenizer, long seed) {
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, seed, 1)) {
            return model.logLikelihoods(requests());
        }
    }

    private static List<String> windows(List<TrainingWindow> windows) {
        return windows.stream().map(w -> java.util.Arrays.toString(w.tokens())).toList();
    }

    private static List<Continuation> requests() {
        List<Continuation> requests = new ArrayList<>();
        for (String[] pair : Corpus.CAPITALS) {
            requests.add(new Continuation("The capital of " + pair[0] + " is", " " + pair[1]));
            requests.add(new Continuation("", "The capital of " + pair[0] + " is " + pair[1] + "."));
        }
        requests.add(new Continuation("the cat sat on the", " mat"));
        requests.add(new Continuation("The capital of Tanzania is", " Zanzib"));
        return requests;
    }

    static void assertClose(List<LogLikelihood> expected, List<LogLikelihood> actual, double tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).tokens(), actual.get(i).tokens(), "tokens of request " + i);
            assertEquals(expected.get(i).sum(), actual.get(i).sum(), tolerance, "score of request " + i);
        }
    }
}

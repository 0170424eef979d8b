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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tunes a pre-trained tiny model on a new fact. */
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
        ENGINE.finetune(base, examples, new FinetuneConfig(15, 4, 1e-3, 1, 2), out,
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
        assertEquals(0, stage.steps() % 15, "whole epochs");
        assertEquals(Files.readString(base.resolve(ModelFiles.TOKENIZER)), Files.readString(out.resolve(ModelFiles.TOKENIZER)));

        Map<String, byte[]> baseAfter = files(base);
        assertEquals(baseFiles.keySet(), baseAfter.keySet());
        baseFiles.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, baseAfter.get(name)), name + " changed"));
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

package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.proda.student.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class GptTrainerTest {

    @Test
    void stepsDoNotLeakNativeArrays() {
        List<String> texts = Corpus.texts();
        WordTokenizer tokenizer = WordTokenizer.train(texts, 600, 1);
        ModelShape shape = new ModelShape(1, 16, 2, 16, tokenizer.size());
        try (DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, 3, 1)) {
            TextPacker packer = new TextPacker(texts.stream().map(tokenizer::encode).toList(), tokenizer.eot(),
                    tokenizer.pad(), shape.context());
            GptTrainer trainer = new GptTrainer(model.gpt(), model.manager(), tokenizer.pad());
            NDManager system = model.manager().getParentManager();
            trainer.train(packer, 4, 3, 1e-3, 1, ProgressListener.NONE);
            int modelArrays = model.manager().getManagedArrays().size();
            int systemArrays = system.getManagedArrays().size();
            TrainingRun run = trainer.train(packer, 4, 40, 1e-3, 1, ProgressListener.NONE);
            assertEquals(40, run.steps());
            assertEquals(modelArrays, model.manager().getManagedArrays().size());
            assertEquals(systemArrays, system.getManagedArrays().size());
            model.logLikelihoods(List.of(new dev.proda.student.Continuation("the cat", " sat")));
            assertEquals(modelArrays, model.manager().getManagedArrays().size());
        }
    }

    @Test
    void scheduleWarmsUpThenDecaysToTenPercent() {
        LearningRateSchedule schedule = LearningRateSchedule.warmupCosine(1.0, 200);
        assertEquals(10, schedule.warmupSteps());
        assertEquals(0.1, schedule.at(1), 1e-9);
        assertEquals(1.0, schedule.at(10), 1e-9);
        assertTrue(schedule.at(100) < 1.0 && schedule.at(100) > 0.1);
        assertEquals(0.1, schedule.at(200), 1e-9);
        assertEquals(1.0, LearningRateSchedule.warmupCosine(1.0, 1).at(1), 1e-9);
    }

    @Test
    void packerCoversEveryTokenOnceAndPadsTheEnd() {
        TextPacker packer = new TextPacker(List.of(new int[] {5, 6, 7}, new int[] {8, 9}), 1, 0, 4);
        List<int[]> windows = packer.pack(List.of(new int[] {5, 6, 7}, new int[] {8, 9}));
        // stream: 1 5 6 7 1 8 9 -> windows of 5 overlapping by one
        assertEquals(2, windows.size());
        assertEquals(List.of(1, 5, 6, 7, 1), boxed(windows.get(0)));
        assertEquals(List.of(1, 8, 9, 0, 0), boxed(windows.get(1)));
        assertEquals(2, packer.windowsPerEpoch());
        assertEquals(6, packer.targetsPerEpoch());
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}

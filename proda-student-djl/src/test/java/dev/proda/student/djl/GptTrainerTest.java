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
            GptTrainer trainer = new GptTrainer(model.gpt(), model.manager());
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

    @Test
    void pretrainingWindowsTrainEveryTokenButPadding() {
        TextPacker packer = new TextPacker(List.of(new int[] {5, 6, 7}, new int[] {8, 9}), 1, 0, 4);
        List<TrainingWindow> windows = packer.epoch(new java.util.Random(3));
        assertEquals(2, windows.size());
        assertEquals(6, windows.stream().mapToInt(TrainingWindow::targets).sum(), "every token after the first");
    }

    @Test
    void examplesArePackedWholeWithLossOnTheAnswerOnly() {
        // prompt [5 6] answer [7]; prompt [8] answer [9 10]; prompt [11 12 13] answer [14]; context 8 -> windows of 9
        ExamplePacker.Example a = new ExamplePacker.Example(new int[] {5, 6}, new int[] {7});
        ExamplePacker.Example b = new ExamplePacker.Example(new int[] {8}, new int[] {9, 10});
        ExamplePacker.Example c = new ExamplePacker.Example(new int[] {11, 12, 13}, new int[] {14});
        ExamplePacker packer = new ExamplePacker(List.of(a, b, c), 1, 0, 8);
        List<TrainingWindow> windows = packer.pack(List.of(a, b, c));
        // eot 5 6 7 eot 8 9 10 eot | c (4 tokens + its <eot>) does not fit what is left: it opens the next window
        assertEquals(2, windows.size());
        assertEquals(List.of(1, 5, 6, 7, 1, 8, 9, 10, 1), boxed(windows.get(0).tokens()));
        assertEquals(List.of(false, false, false, true, true, false, true, true, true),
                boxed(windows.get(0).trained()));
        assertEquals(List.of(1, 11, 12, 13, 14, 1, 0, 0, 0), boxed(windows.get(1).tokens()));
        assertEquals(List.of(false, false, false, false, true, true, false, false, false),
                boxed(windows.get(1).trained()));
        assertEquals(2 + 3 + 2, windows.stream().mapToInt(TrainingWindow::targets).sum(), "answers and their <eot>");
    }

    @Test
    void anExampleLongerThanTheContextIsRefusedNotCut() {
        ExamplePacker.Example fits = new ExamplePacker.Example(new int[] {5, 6, 7}, new int[] {8, 9, 10});
        assertEquals(1, new ExamplePacker(List.of(fits), 1, 0, 7).pack(List.of(fits)).size());
        ExamplePacker.Example tooLong = new ExamplePacker.Example(new int[] {5, 6, 7}, new int[] {8, 9, 10, 11});
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ExamplePacker(List.of(fits, tooLong), 1, 0, 7));
        assertTrue(e.getMessage().contains("example 1 is 7 tokens"), e.getMessage());
    }

    @Test
    void stepsCountTheEpochsTheTrainerWillDraw() {
        List<ExamplePacker.Example> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            examples.add(new ExamplePacker.Example(new int[i % 4 + 1], new int[i % 3 + 1]));
        }
        ExamplePacker packer = new ExamplePacker(examples, 1, 0, 9);
        java.util.Random random = new java.util.Random(5);
        long expected = 0;
        for (int e = 0; e < 3; e++) {
            expected += (packer.epoch(random).size() + 1) / 2;
        }
        assertEquals(expected, packer.steps(3, 2, 5));
    }

    private static List<Boolean> boxed(boolean[] values) {
        List<Boolean> list = new java.util.ArrayList<>();
        for (boolean v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}

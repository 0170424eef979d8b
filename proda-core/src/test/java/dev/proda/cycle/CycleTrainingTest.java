package dev.proda.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.io.Jsonl;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phase order of fine-tuned versions, stated once in {@link Cycle#training}. */
class CycleTrainingTest {
    @TempDir
    Path dir;

    static Sample sample(String id, String origin, int round) {
        return new Sample(id, List.of(new Message("user", "q " + id), new Message("assistant", "a " + id)), List.of(),
                "state", origin, round);
    }

    @Test
    void versionOneIsTheBuilderSamplesAndLaterVersionsAddEveryEarlierRoundsPatches() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.writeString(layout.config(), "name: t\nstudent:\n  finetune_epochs: 7\n  repair_epochs: 3\n");
        ProdaConfig config = ProdaConfig.read(layout.config());
        Jsonl.write(layout.buildSamples(), List.of(sample("b1", "build", 0), sample("b2", "build", 0)));
        for (int round = 1; round <= 3; round++) {
            Jsonl.write(layout.patchRound(round).resolve("patches.jsonl"), List.of(new Patch("p" + round, List.of(),
                    "s" + round, List.of(sample("p" + round, "patch", round)), List.of(), round)));
        }

        Cycle.Training v1 = Cycle.training(layout, config, 1);
        assertEquals(List.of("V0", "V1", 7), List.of(v1.from(), v1.to(), v1.epochs()));
        assertEquals(config.student().finetuneLearningRate(), v1.learningRate());
        assertEquals(List.of("b1", "b2"), ids(v1.samples()));

        Cycle.Training v3 = Cycle.training(layout, config, 3);
        assertEquals(List.of("V2", "V3", 3), List.of(v3.from(), v3.to(), v3.epochs()));
        assertEquals(config.student().repairLearningRate(), v3.learningRate());
        assertEquals(List.of("b1", "b2", "p1", "p2"), ids(v3.samples()), "round 3's patches are not V3's");

        assertThrows(IllegalArgumentException.class, () -> Cycle.training(layout, config, 0));
        // V9 needs eight rounds of patches: the message names the first missing round and what to do next
        String v9 = assertThrows(dev.proda.io.ProdaFileException.class, () -> Cycle.training(layout, config, 9))
                .getMessage();
        assertTrue(v9.contains("round 4 has none yet") && v9.contains("V4 is the latest its patches allow")
                && v9.contains("'proda repair --round 4'"), v9);
    }

    private static List<String> ids(List<Sample> samples) {
        return new ArrayList<>(samples.stream().map(Sample::id).toList());
    }
}

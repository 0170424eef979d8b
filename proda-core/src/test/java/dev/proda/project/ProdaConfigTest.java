package dev.proda.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.io.ProdaFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProdaConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsRoundTripThroughYaml() {
        ProdaConfig config = ProdaConfig.defaults("demo");
        config.write(dir.resolve("proda.yaml"));
        assertEquals(config, ProdaConfig.read(dir.resolve("proda.yaml")));
    }

    @Test
    void missingKeysTakeDefaultsAndGivenKeysWin() throws Exception {
        Files.writeString(dir.resolve("proda.yaml"), "name: x\nstudent:\n  layers: 2\nbudgets:\n  chains: 7\n");
        ProdaConfig config = ProdaConfig.read(dir.resolve("proda.yaml"));
        assertEquals(2, config.student().layers());
        assertEquals(128, config.student().width());
        assertEquals(7, config.budgets().chains());
        assertEquals(42L, config.seed());
    }

    @Test
    void aSizeSetsLayersWidthAndHeadsUnlessGivenAndEditingItAloneWorks() throws Exception {
        Files.writeString(dir.resolve("proda.yaml"), "name: x\nstudent:\n  size: base\n  heads: 4\n");
        ProdaConfig.Student base = ProdaConfig.read(dir.resolve("proda.yaml")).student();
        assertEquals(List.of(6, 256, 4), List.of(base.layers(), base.width(), base.heads()), "heads given: it wins");
        ProdaConfig.defaults("demo").write(dir.resolve("written.yaml"));
        String yaml = Files.readString(dir.resolve("written.yaml"));
        Files.writeString(dir.resolve("edited.yaml"), yaml.replace("size: small", "size: base"));
        ProdaConfig.Student edited = ProdaConfig.read(dir.resolve("edited.yaml")).student();
        assertEquals(List.of(6, 256, 8), List.of(edited.layers(), edited.width(), edited.heads()),
                "a written config leaves the size's own values empty");
        Files.writeString(dir.resolve("bad.yaml"), "name: x\nstudent:\n  size: huge\n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("bad.yaml")));
        assertTrue(e.getMessage().contains("huge") && e.getMessage().contains("base"), e.getMessage());
    }

    @Test
    void repairReplayFollowsGeneralReplayUnlessGiven() throws Exception {
        Files.writeString(dir.resolve("proda.yaml"), "name: x\nstudent:\n  general_replay: 0.3\n");
        assertEquals(0.3, ProdaConfig.read(dir.resolve("proda.yaml")).student().repairReplay(), 1e-9);
        ProdaConfig.defaults("demo").write(dir.resolve("written.yaml"));
        Files.writeString(dir.resolve("edited.yaml"), Files.readString(dir.resolve("written.yaml"))
                .replace("general_replay: 0.0", "general_replay: 0.5"));
        assertEquals(0.5, ProdaConfig.read(dir.resolve("edited.yaml")).student().repairReplay(), 1e-9,
                "a written config leaves a following repair_replay empty");
        Files.writeString(dir.resolve("own.yaml"), "name: x\nstudent:\n  repair_replay: 1.0\n");
        ProdaConfig.Student own = ProdaConfig.read(dir.resolve("own.yaml")).student();
        assertEquals(List.of(0.0, 1.0), List.of(own.generalReplay(), own.repairReplay()));
        Files.writeString(dir.resolve("bad.yaml"), "name: x\nstudent:\n  repair_replay: -1\n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("bad.yaml")));
        assertTrue(e.getMessage().contains("repair_replay"), e.getMessage());
    }

    @Test
    void theV1CriterionMustAllowThePlannedEpochs() throws Exception {
        ProdaConfig.Student student = ProdaConfig.defaults("x").student();
        assertEquals(0.25, student.finetuneTargetLoss(), 1e-9);
        assertTrue(student.finetuneMaxEpochs() >= student.finetuneEpochs());
        Files.writeString(dir.resolve("bad.yaml"), "name: x\nstudent:\n  finetune_epochs: 30\n  finetune_max_epochs: 10\n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("bad.yaml")));
        assertTrue(e.getMessage().contains("finetune_max_epochs"), e.getMessage());
    }

    @Test
    void unknownKeyIsAnErrorThatNamesIt() throws Exception {
        Files.writeString(dir.resolve("proda.yaml"), "name: x\nstudent:\n  layerz: 2\n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")));
        assertTrue(e.getMessage().contains("layerz"), e.getMessage());
    }

    @Test
    void badValuesAreErrors() throws Exception {
        Files.writeString(dir.resolve("proda.yaml"), "split:\n  dev: 1.5\n");
        assertTrue(assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")))
                .getMessage().contains("split.dev"));
    }

    /** A long file, the mistake near the top: the error names its line, key and expected type. */
    @Test
    void errorsNameTheLineTheKeyAndTheExpectedType() throws Exception {
        ProdaConfig.defaults("demo").write(dir.resolve("written.yaml"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("written.yaml")));
        int teacher = lines.indexOf("teacher:");
        lines.add(teacher + 1, "  bogus_key: 3");
        Files.write(dir.resolve("proda.yaml"), lines);
        String unknown = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")))
                .getMessage();
        assertTrue(unknown.contains("proda.yaml:" + (teacher + 2) + ": unknown key 'teacher.bogus_key'"), unknown);
        assertTrue(unknown.contains("api_key_env, backend, base_url, chunk_chars, concurrency"), "sorted: " + unknown);

        lines.remove(teacher + 1);
        int width = lines.indexOf("  width: null");
        lines.set(width, "  width: wide");
        Files.write(dir.resolve("proda.yaml"), lines);
        String type = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")))
                .getMessage();
        assertTrue(type.contains("proda.yaml:" + (width + 1) + ": student.width must be a whole number, not 'wide'"),
                type);

        lines.set(width, "  width: 12.5");
        Files.write(dir.resolve("proda.yaml"), lines);
        assertTrue(assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")))
                .getMessage().contains("student.width must be a whole number"), "12.5 is no width");

        // ranges are checked where the key is read, and the error points at the key's own line
        Files.writeString(dir.resolve("proda.yaml"), "name: x\nbudgets:\n  statements: 10\n  chains: -3\n");
        String range = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")))
                .getMessage();
        assertTrue(range.contains("proda.yaml:4: budgets.chains must be at least 0: -3"), range);
        for (String bad : List.of("student:\n  context: 0", "student:\n  threads: 0", "student:\n  batch_size: 0",
                "student:\n  finetune_learning_rate: -1", "teacher:\n  temperature: 9", "student:\n  width: 100\n"
                        + "  heads: 3")) {
            Files.writeString(dir.resolve("proda.yaml"), "name: x\n" + bad + "\n");
            String message = assertThrows(ProdaFileException.class, () -> ProdaConfig.read(dir.resolve("proda.yaml")),
                    bad).getMessage();
            String key = bad.substring(0, bad.indexOf(':')) + "." + bad.substring(bad.indexOf("\n  ") + 3,
                    bad.indexOf(':', bad.indexOf("\n  ")));
            assertTrue(message.contains(": " + key + " must be"), message);
        }
    }
}

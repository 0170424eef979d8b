package dev.proda.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.TestCorpus;
import dev.proda.cycle.Cycle;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.TrainingExample;
import dev.proda.student.djl.DjlStudentEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compile on the real embedded engine with a one-layer student (seconds): what V1 and V2 train on, the
 * content-addressed cache a rerun reuses and a killed training never pollutes, and its one-line errors.
 */
class CompileTest {
    @TempDir
    Path dir;

    private ProjectLayout layout;
    private ProdaConfig config;
    private final DjlStudentEngine engine = new DjlStudentEngine(1);
    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Log log = new Log() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @BeforeEach
    void project() throws Exception {
        layout = new ProjectLayout(dir);
        Files.writeString(layout.config(), """
                name: t
                seed: 7
                student:
                  layers: 1
                  width: 32
                  heads: 2
                  context: 64
                  max_vocabulary: 600
                  min_word_count: 2
                  pretrain_tokens: 4000
                  batch_size: 8
                  finetune_epochs: 1
                  finetune_max_epochs: 1
                  repair_epochs: 1
                  threads: 1
                """);
        config = ProdaConfig.read(layout.config());
        TestCorpus.general(layout.general(), 400);
        TestCorpus.copy(layout.corpus(), List.of("statistics"), 1);
    }

    private static Sample sample(String id, String question, String answer, String origin, int round) {
        return new Sample(id, List.of(new Message("user", question), new Message("assistant", answer)), List.of(),
                "state", origin, round);
    }

    /** Four short Builder samples in common words, and one of about 120 words that cannot fit 64 tokens. */
    private List<Sample> builderSamples() {
        return List.of(sample("b1", "What is a tree?", "A tree is a kind of plant.", "build", 0),
                sample("b2", "What is a river?", "A river is a large stream of water.", "build", 0),
                sample("b3", "Name one kind of plant.", "A tree.", "build", 0),
                sample("b4", "What is a stone?", "A stone is a small piece of rock.", "build", 0),
                sample("long", "Tell me everything about the data.", "the data ".repeat(60).strip() + ".", "build",
                        0));
    }

    private Compile.Provenance provenance(String version) throws Exception {
        return Json.MAPPER.readValue(layout.model(version).resolve(Compile.PROVENANCE).toFile(),
                Compile.Provenance.class);
    }

    private static String dataHash(List<Sample> samples) {
        return Records.id("", samples.stream().map(PromptFormat::example).map(TrainingExample::text)
                .toArray(String[]::new));
    }

    @Test
    void versionOneTrainsOnTheBuilderSamplesThatFitAndVersionTwoAddsThePatches() throws Exception {
        List<Sample> builder = builderSamples();
        Jsonl.write(layout.buildSamples(), builder);
        Sample patch = sample("p1", "What is a median?", "A median is the middle value.", "patch", 1);
        Jsonl.write(layout.patchRound(1).resolve("patches.jsonl"), List.of(new Patch("patch-1", List.of("i1"), "s1",
                List.of(patch), List.of(), 1)));

        Cycle.compile(layout, config, engine, 0, log);
        assertEquals("V0", provenance("V0").version());
        Cycle.compile(layout, config, engine, 1, log);
        Compile.Provenance v1 = provenance("V1");
        assertEquals(List.of("V1", "V0", Lock.contentHash(layout.model("V0"))), List.of(v1.version(), v1.base(),
                v1.base_hash()));
        // exactly the four samples that fit: the long one is left out with a warning naming it, never cut
        ContextFit fit = new ContextFit(engine.tokenCounter(layout.model("V0")), 64);
        assertEquals(List.of(true, true, true, true, false), builder.stream().map(fit::fits).toList(),
                "the setup: four fit, the long one does not");
        List<Sample> fitting = builder.subList(0, 4);
        assertEquals(4, v1.samples());
        assertEquals(dataHash(fitting), v1.data_hash());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("compile V1: 1 samples do not fit the context of 64")
                && w.contains("long (")), warnings.toString());
        assertTrue(Files.isRegularFile(layout.reports().resolve("learning-curve-V1.json")));

        Cycle.compile(layout, config, engine, 2, log);
        Compile.Provenance v2 = provenance("V2");
        assertEquals(List.of("V2", "V1", Lock.contentHash(layout.model("V1"))), List.of(v2.version(), v2.base(),
                v2.base_hash()));
        List<Sample> v2Samples = new ArrayList<>(fitting);
        v2Samples.add(patch);
        assertEquals(5, v2.samples(), "the Builder samples replayed beside round 1's patch");
        assertEquals(dataHash(v2Samples), v2.data_hash());
        assertTrue(Lock.read(layout).get("compile V2").finished() != null);
    }

    @Test
    void aRerunReusesTheCachedModelAndAKilledTrainingIsNeverTakenForOne() throws Exception {
        Jsonl.write(layout.buildSamples(), builderSamples());
        Cycle.compile(layout, config, engine, 0, log);
        Cycle.compile(layout, config, engine, 1, log);
        String key = provenance("V1").cache_key();
        byte[] parameters = parametersOf(layout.model("V1"));
        String model = Lock.contentHash(layout.model("V1"));

        infos.clear();
        Cycle.compile(layout, config, engine, 1, log);
        assertTrue(infos.stream().anyMatch(i -> i.contains("same base, samples and settings as cached model " + key)),
                infos.toString());
        assertEquals(model, Lock.contentHash(layout.model("V1")), "the cached model, byte for byte");

        // What a compile killed while training leaves: its staging folder and the engine's temp folder beside it.
        AtomicFiles.deleteTree(layout.cache().resolve(key));
        Files.createDirectories(layout.cache().resolve("." + key + ".tmp"));
        Files.writeString(layout.cache().resolve("." + key + ".tmp").resolve("parameters.bin"), "half");
        Files.createDirectories(layout.cache().resolve(".." + key + ".tmp.tmp-1234"));
        infos.clear();
        Cycle.compile(layout, config, engine, 1, log);
        assertFalse(infos.stream().anyMatch(i -> i.contains("reused")), "nothing finished was cached: " + infos);
        try (Stream<Path> entries = Files.list(layout.cache())) {
            assertEquals(List.of(), entries.filter(e -> e.getFileName().toString().startsWith(".")).toList(),
                    "the leftovers are gone");
        }
        assertTrue(Files.isRegularFile(layout.cache().resolve(key).resolve(Compile.PROVENANCE)));
        assertArrayEquals(parameters, parametersOf(layout.model("V1")), "trained again, to the same parameters");

        // A base that a killed compile was placing (proda.lock marks it in progress) is refused, not trained on.
        Lock.begin(layout, "compile V0", List.of(layout.model("V0")));
        String refused = assertThrows(ProdaFileException.class, () -> Cycle.compile(layout, config, engine, 1, log))
                .getMessage();
        assertTrue(refused.contains("is from an interrupted compile V0") && refused.contains("run `proda compile V0`"),
                refused);
    }

    @Test
    void missingInputsAreOneLineErrorsNamingWhatToRun() throws Exception {
        Jsonl.write(layout.buildSamples(), builderSamples());
        String noBase = assertThrows(ProdaFileException.class, () -> Cycle.compile(layout, config, engine, 1, log))
                .getMessage();
        assertTrue(noBase.startsWith("no model V0 at ") && noBase.endsWith("(run 'proda compile --model V0' first)"),
                noBase);

        Cycle.compile(layout, config, engine, 0, log);
        String noSamples = assertThrows(ProdaFileException.class, () -> Compile.finetune(layout, config, engine, "V0",
                "V1", List.of(), 1, 1e-3, log)).getMessage();
        assertEquals("no training samples for V1 (run 'proda build' first)", noSamples);
        String noneFits = assertThrows(ProdaFileException.class, () -> Compile.finetune(layout, config, engine, "V0",
                "V1", builderSamples().subList(4, 5), 1, 1e-3, log)).getMessage();
        assertEquals("no training sample for V1 fits the context of 64 tokens", noneFits);
        assertFalse(Files.exists(layout.model("V1")), "no model is placed when compile fails");
        String noPatches = assertThrows(ProdaFileException.class, () -> Cycle.compile(layout, config, engine, 2, log))
                .getMessage();
        assertTrue(noPatches.contains("round 1 has none yet"), noPatches);
    }

    /** The model's weights: every file of the folder but its config.json (whose training runs carry wall times). */
    private static byte[] parametersOf(Path model) throws Exception {
        try (Stream<Path> files = Files.list(model)) {
            List<Path> weights = files.filter(f -> f.getFileName().toString().startsWith("parameters")).toList();
            assertEquals(1, weights.size(), "one parameters file in " + model);
            return Files.readAllBytes(weights.get(0));
        }
    }
}

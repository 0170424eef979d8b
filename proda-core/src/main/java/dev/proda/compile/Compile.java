package dev.proda.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.project.Corpus;
import dev.proda.project.GeneralText;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.FinetuneConfig;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentEngine;
import dev.proda.student.TokenCounter;
import dev.proda.student.TrainingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Stage {@code compile}: V0 from the general text, then V(n+1) = V(n) fine-tuned on samples. */
public final class Compile {
    private Compile() {
    }

    /**
     * Builds V0 (pretrained base) unless a cached model for the same data and configuration exists, and
     * places it at {@code target/models/V0}.
     */
    public static Path base(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Log log) {
        GeneralText general = GeneralText.read(layout.general(), log);
        List<String> vocabulary = vocabularyTexts(layout, config, general);
        PretrainConfig pretrain = pretrainConfig(config);
        String key = Records.id("base-", engine.name(), pretrain.toString(),
                Records.id("", general.pretraining().toArray(String[]::new)),
                Records.id("", vocabulary.toArray(String[]::new)));
        Path v0 = layout.model("V0");
        fromCache(layout, key, v0, log, "compile V0: cached base model " + key, cached -> {
            log.info("compile V0: pretraining " + pretrain.layers() + " layers × " + pretrain.width() + " on "
                    + general.pretraining().size() + " general passages, " + pretrain.tokenBudget() + " tokens");
            engine.pretrain(general.pretraining(), vocabulary, pretrain, cached, progress("V0", log));
        });
        Lock.record(layout, "compile V0", config.seed(), List.of(layout.general(), layout.corpus(), layout.config()),
                List.of(v0));
        return v0;
    }

    /** The texts V0's tokenizer is built from: the general text and the corpus. */
    private static List<String> vocabularyTexts(ProjectLayout layout, ProdaConfig config, GeneralText general) {
        List<String> vocabulary = new ArrayList<>(general.pretraining());
        Corpus.read(layout.corpus(), config.name(), Log.SILENT).forEach(d -> vocabulary.add(d.text()));
        return vocabulary;
    }

    /** Counts tokens as V0 of this project will, before V0 exists (the same tokenizer, no training). */
    public static TokenCounter tokenCounter(ProjectLayout layout, ProdaConfig config, StudentEngine engine) {
        GeneralText general = GeneralText.read(layout.general(), Log.SILENT);
        return engine.tokenCounter(vocabularyTexts(layout, config, general), pretrainConfig(config));
    }

    /** Whether a sample fits the context of this project's student, counted as V0 will count (before V0 exists). */
    public static ContextFit contextFit(ProjectLayout layout, ProdaConfig config, StudentEngine engine) {
        return new ContextFit(tokenCounter(layout, config, engine), config.student().context());
    }

    /**
     * Fine-tunes {@code from} on {@code samples} into {@code to}. A sample that does not fit the context
     * (a patch, say: the Builder already dropped its own) is left out with a warning, never cut.
     */
    public static Path finetune(ProjectLayout layout, ProdaConfig config, StudentEngine engine, String from, String to,
            List<Sample> samples, int epochs, double learningRate, Log log) {
        Path base = layout.model(from);
        if (!Files.isDirectory(base)) {
            throw new ProdaFileException("no model " + from + " at " + base + " (compile it first)");
        }
        if (samples.isEmpty()) {
            throw new ProdaFileException("no training samples for " + to + " (run 'proda build' first)");
        }
        FinetuneConfig finetune = new FinetuneConfig(epochs, config.student().batchSize(), learningRate,
                config.seed(), config.student().threads());
        ContextFit fit = new ContextFit(engine.tokenCounter(base), config.student().context());
        List<String> tooLong = new ArrayList<>();
        List<TrainingExample> examples = new ArrayList<>();
        for (Sample sample : samples) {
            TrainingExample example = PromptFormat.example(sample);
            int tokens = fit.tokens(example);
            if (tokens <= fit.context()) {
                examples.add(example);
            } else {
                tooLong.add(sample.id() + " (" + tokens + " tokens)");
            }
        }
        if (!tooLong.isEmpty()) {
            log.warn("compile " + to + ": " + tooLong.size() + " samples do not fit the context of " + fit.context()
                    + " tokens and are left out: " + String.join(", ", tooLong.subList(0, Math.min(10, tooLong.size())))
                    + (tooLong.size() > 10 ? ", …" : ""));
        }
        if (examples.isEmpty()) {
            throw new ProdaFileException("no training sample for " + to + " fits the context of " + fit.context()
                    + " tokens");
        }
        // The key covers the base's files, every example and the settings: a rerun or a resumed cycle reuses it.
        String key;
        try {
            key = Records.id("finetune-", engine.name(), finetune.toString(), Lock.contentHash(base),
                    Json.MAPPER.writeValueAsString(examples));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        fromCache(layout, key, layout.model(to), log,
                "compile " + to + ": same base, samples and settings as cached model " + key + ", reused", cached -> {
                    log.info("compile " + to + ": " + from + " + " + examples.size() + " samples × " + epochs
                            + " epochs");
                    engine.finetune(base, examples, finetune, cached, progress(to, log));
                });
        Lock.record(layout, "compile " + to, config.seed(), List.of(base, layout.root().resolve("src"),
                layout.config()), List.of(layout.model(to)));
        return layout.model(to);
    }

    /**
     * Places the model cached under {@code key} at {@code target}, training it into the cache first with
     * {@code train} unless it is there: models are content-addressed, so the same key is the same model.
     */
    private static void fromCache(ProjectLayout layout, String key, Path target, Log log, String reused,
            Consumer<Path> train) {
        Path cached = layout.cache().resolve(key);
        if (Files.isDirectory(cached)) {
            log.info(reused);
        } else {
            train.accept(cached);
        }
        copyTree(cached, target);
    }

    static PretrainConfig pretrainConfig(ProdaConfig config) {
        ProdaConfig.Student s = config.student();
        return new PretrainConfig(s.layers(), s.width(), s.heads(), s.context(), s.maxVocabulary(), s.minWordCount(),
                s.pretrainTokens(), s.batchSize(), s.pretrainLearningRate(), config.seed(), s.threads());
    }

    /** Logs about twenty progress lines per run. */
    static ProgressListener progress(String version, Log log) {
        return new ProgressListener() {
            private long lastReported = -1;

            @Override
            public void onStep(long step, long total, double loss, double tokensPerSecond) {
                long bucket = step * 20 / Math.max(1, total);
                if (bucket != lastReported || step == total) {
                    lastReported = bucket;
                    log.info(String.format("  %s step %d/%d loss %.3f (%.0f tokens/s)", version, step, total, loss,
                            tokensPerSecond));
                }
            }
        };
    }

    static void copyTree(Path source, Path target) {
        try {
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            deleteTree(temp);
            Files.createDirectories(temp);
            try (var files = Files.walk(source)) {
                for (Path file : files.sorted().toList()) {
                    Path destination = temp.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                }
            }
            deleteTree(target);
            Files.move(temp, target);
        } catch (IOException e) {
            throw new ProdaFileException("cannot copy model " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package dev.proda.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Records;
import dev.proda.model.Sample;
import dev.proda.project.Corpus;
import dev.proda.project.GeneralText;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.Progress;
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
        List<String> vocabulary = vocabularyTexts(general, Corpus.onDisk(layout.corpus(), config.name(), Log.SILENT),
                Progress.NONE);
        PretrainConfig pretrain = pretrainConfig(config);
        String generalHash = Records.id("", general.pretraining().toArray(String[]::new));
        String key = Records.id("base-", engine.name(), pretrain.toString(), generalHash,
                Records.id("", vocabulary));
        Path v0 = layout.model("V0");
        fromCache(layout, "compile V0", key, v0, List.of(), log, "compile V0: cached base model " + key, cached -> {
            log.info(engine.trainsBase() ? "compile V0: pretraining " + pretrain.layers() + " layers × " + pretrain.width()
                    + " on " + general.pretraining().size() + " general passages, " + pretrain.tokenBudget() + " tokens"
                    : "compile V0: " + engine.name() + ", the endpoint's model as it is (nothing trained)");
            engine.pretrain(general.pretraining(), vocabulary, pretrain, cached, progress("V0", log));
            AtomicFiles.writeJson(cached.resolve(PROVENANCE), new Provenance("V0", engine.name(), null, null,
                    generalHash, general.pretraining().size(), 0, pretrain.toString(), config.seed(), key));
        });
        Lock.record(layout, "compile V0", config.seed(), List.of(layout.general(), layout.corpus(), layout.config()),
                List.of(v0));
        return v0;
    }

    /**
     * The folder of model {@code version}, refused with a one-line message when it is missing or was being
     * placed by a compile that did not finish (proda.lock marks it in progress: the folder may be gone, or
     * beside another model's learning curve).
     */
    public static Path requireModel(ProjectLayout layout, String version) {
        Path model = layout.model(version);
        Lock.requireComplete(layout, model);
        if (!Files.isDirectory(model)) {
            throw new ProdaFileException("no model " + version + " at " + model + " (run 'proda compile --model "
                    + version + "' first)");
        }
        return model;
    }

    /**
     * The texts V0's tokenizer is built from: the general text, then the corpus's documents, each read from disk
     * when it is asked for (memory holds one document, not the corpus); {@code progress} is set to the documents
     * read so far.
     */
    private static List<String> vocabularyTexts(GeneralText general, Corpus.OnDisk corpus, Progress progress) {
        List<String> pretraining = general.pretraining();
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                if (index < pretraining.size()) {
                    return pretraining.get(index);
                }
                String text = corpus.get(index - pretraining.size()).text();
                progress.set(index - pretraining.size() + 1, null);
                return text;
            }

            @Override
            public int size() {
                return pretraining.size() + corpus.size();
            }
        };
    }

    /** Counts tokens as V0 of this project will, before V0 exists (the same tokenizer, no training). */
    public static TokenCounter tokenCounter(ProjectLayout layout, ProdaConfig config, StudentEngine engine) {
        return tokenCounter(layout, config, engine, Log.SILENT, "");
    }

    /**
     * {@link #tokenCounter(ProjectLayout, ProdaConfig, StudentEngine)}, showing on {@code log} its progress over the
     * corpus's documents as the step {@code "<stage> (tokenizer)"}: the tokenizer is made from the whole corpus.
     */
    public static TokenCounter tokenCounter(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Log log,
            String stage) {
        GeneralText general = GeneralText.read(layout.general(), Log.SILENT);
        Corpus.OnDisk corpus = Corpus.onDisk(layout.corpus(), config.name(), Log.SILENT);
        try (Progress progress = log.progress(stage + " (tokenizer)", corpus.size(), "documents")) {
            TokenCounter counter = engine.tokenCounter(vocabularyTexts(general, corpus, progress),
                    pretrainConfig(config));
            progress.set(corpus.size(), null); // an engine that counts by estimate reads none of them
            return counter;
        }
    }

    /** Whether a sample fits the context of this project's student, counted as V0 will count (before V0 exists). */
    public static ContextFit contextFit(ProjectLayout layout, ProdaConfig config, StudentEngine engine) {
        return contextFit(layout, config, engine, Log.SILENT, "");
    }

    /** {@link #contextFit(ProjectLayout, ProdaConfig, StudentEngine)}, its tokenizer's progress shown on {@code log}. */
    public static ContextFit contextFit(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Log log,
            String stage) {
        return new ContextFit(tokenCounter(layout, config, engine, log, stage), config.student().context());
    }

    /**
     * Fine-tunes {@code from} on {@code samples} into {@code to}. A sample that does not fit the context
     * (a patch, say: the Builder already dropped its own) is left out with a warning, never cut.
     */
    public static Path finetune(ProjectLayout layout, ProdaConfig config, StudentEngine engine, String from, String to,
            List<Sample> samples, int epochs, double learningRate, Log log) {
        return finetune(layout, config, engine, from, to, samples, epochs, learningRate, null, log);
    }

    /**
     * When training goes on past the planned epochs: until the samples' answer loss, scored after training, is
     * at most {@code targetLoss}, {@code chunkEpochs} at a time at {@code chunkLearningRate}, up to
     * {@code maxEpochs} in all.
     */
    public record Criterion(double targetLoss, int maxEpochs, int chunkEpochs, double chunkLearningRate) {
    }

    /** One point of a learning curve: mean training loss of the steps just before {@code step}. */
    public record CurvePoint(long step, double epoch, double loss) {
    }

    /**
     * How a fine-tuning run went: its loss every few steps, the epochs trained, and whether the criterion (if
     * any) was met. Written beside the model and to {@code target/reports/learning-curve-Vn.json}.
     */
    public record LearningCurve(String version, Double target_loss, Integer max_epochs, int epochs, Double final_loss,
            Boolean criterion_met, List<CurvePoint> points) {
        /** A short phrase for reports: "30 epochs, training answer loss 0.170 ≤ 0.25". */
        public String summary() {
            String loss = final_loss == null ? "no loss" : String.format(java.util.Locale.ROOT,
                    "training answer loss %.3f", final_loss);
            if (target_loss == null) {
                return epochs + " epochs, " + loss;
            }
            return String.format(java.util.Locale.ROOT, "%d epochs, %s %s %.2f%s", epochs, loss,
                    Boolean.TRUE.equals(criterion_met) ? "≤" : ">", target_loss,
                    Boolean.TRUE.equals(criterion_met) ? "" : " (criterion not met within " + max_epochs + " epochs)");
        }
    }

    static final String CURVE = "learning-curve.json";
    /** Written into every model folder: where the model came from, whatever backend trained it. */
    public static final String PROVENANCE = "provenance.json";

    /**
     * What a model version is made of: the backend that made it, the version and content hash of its base, the
     * hash of its training texts (samples and replayed general lines, or the pretraining text for V0), the
     * schedule, the seed, and the cache key it is stored under.
     */
    public record Provenance(String version, String backend, String base, String base_hash, String data_hash,
            int samples, int replayed_lines, String schedule, long seed, String cache_key) {
    }

    /** About {@code n} evenly spaced points of a curve, "epoch 1.0: 3.21, epoch 4.0: 1.87, …". */
    public static String compact(LearningCurve curve, int n) {
        List<CurvePoint> points = curve.points();
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < n && !points.isEmpty(); k++) {
            CurvePoint p = points.get((int) Math.round((double) k * (points.size() - 1) / Math.max(1, n - 1)));
            parts.add(String.format(java.util.Locale.ROOT, "epoch %.1f: %.3f", p.epoch(), p.loss()));
        }
        return String.join(", ", new java.util.LinkedHashSet<>(parts));
    }

    /** The learning curve of a compiled version, if it was fine-tuned since curves were recorded. */
    public static java.util.Optional<LearningCurve> learningCurve(ProjectLayout layout, String version) {
        Path file = layout.model(version).resolve(CURVE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Json.MAPPER.readValue(file.toFile(), LearningCurve.class));
        } catch (IOException e) {
            throw new ProdaFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** As above, training on past {@code epochs} until {@code criterion} (null: exactly {@code epochs}). */
    public static Path finetune(ProjectLayout layout, ProdaConfig config, StudentEngine engine, String from, String to,
            List<Sample> samples, int epochs, double learningRate, Criterion criterion, Log log) {
        if (engine.cannotFinetune() != null) {
            throw new IllegalArgumentException(engine.cannotFinetune());
        }
        Path base = requireModel(layout, from);
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
        boolean fromBase = from.equals("V0");
        double share = fromBase ? config.student().generalReplay() : config.student().repairReplay();
        List<TrainingExample> replay = generalReplay(layout, config, fit, share, examples.size(), to);
        List<TrainingExample> training = new ArrayList<>(examples);
        if (!replay.isEmpty()) {
            log.info("compile " + to + ": " + replay.size() + " general-text lines replayed beside the samples "
                    + "(student." + (fromBase ? "general_replay " : "repair_replay ") + share + ")");
            training.addAll(replay);
        }
        // The key covers the base's files, every example and the settings: a rerun or a resumed cycle reuses it.
        String baseHash = Lock.contentHash(base);
        String key;
        try {
            // the criterion's measure is part of what the model is: "scored" since it reads the samples alone
            key = Records.id("finetune-", engine.name(), finetune.toString(), criterion == null ? "null"
                    : "scored " + criterion,
                    baseHash, Json.MAPPER.writeValueAsString(training));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Path curveReport = layout.reports().resolve("learning-curve-" + to + ".json");
        fromCache(layout, "compile " + to, key, layout.model(to), List.of(curveReport), log,
                "compile " + to + ": same base, samples and settings as cached model " + key + ", reused", cached -> {
                    log.info("compile " + to + ": " + from + " + " + examples.size() + " samples × " + epochs
                            + " epochs");
                    List<CurvePoint> points = new ArrayList<>();
                    engine.finetune(base, training, finetune, cached, recording(progress(to, log), points, 0, 0, epochs));
                    int trained = epochs;
                    // Boxed on both branches: a trainer that reports no steps (a training command) leaves no loss.
                    Double finalLoss = criterion != null ? Double.valueOf(answerLoss(engine, cached, examples))
                            : points.isEmpty() ? null : Double.valueOf(last(points));
                    while (criterion != null && finalLoss > criterion.targetLoss() && trained < criterion.maxEpochs()) {
                        int chunk = Math.min(criterion.chunkEpochs(), criterion.maxEpochs() - trained);
                        log.info(String.format(java.util.Locale.ROOT, "compile %s: training answer loss %.3f > %.2f "
                                + "after %d epochs; %d more", to, finalLoss, criterion.targetLoss(), trained, chunk));
                        engine.finetune(cached, training, new FinetuneConfig(chunk, finetune.batchSize(),
                                criterion.chunkLearningRate(), finetune.seed() + trained, finetune.threads()), cached,
                                recording(progress(to, log), points, points.isEmpty() ? 0
                                        : points.get(points.size() - 1).step(), trained, chunk));
                        trained += chunk;
                        finalLoss = answerLoss(engine, cached, examples);
                    }
                    LearningCurve curve = new LearningCurve(to, criterion == null ? null : criterion.targetLoss(),
                            criterion == null ? null : criterion.maxEpochs(), trained, finalLoss,
                            criterion == null || finalLoss == null ? null : finalLoss <= criterion.targetLoss(), points);
                    AtomicFiles.writeJson(cached.resolve(CURVE), curve);
                    AtomicFiles.writeJson(cached.resolve(PROVENANCE), new Provenance(to, engine.name(), from,
                            baseHash, Records.id("", training.stream().map(TrainingExample::text)
                                    .toArray(String[]::new)), examples.size(), training.size() - examples.size(),
                            finetune.toString(), config.seed(), key));
                });
        var curve = learningCurve(layout, to);
        if (curve.isPresent()) {
            AtomicFiles.writeJson(curveReport, curve.get());
            log.info("compile " + to + ": " + curve.get().summary());
        } else {
            try { // another model's curve must not stay beside this one
                Files.deleteIfExists(curveReport);
            } catch (IOException e) {
                throw new ProdaFileException("cannot delete " + curveReport + ": " + e.getMessage(), e);
            }
        }
        Lock.record(layout, "compile " + to, config.seed(), List.of(base, layout.root().resolve("src"),
                layout.config()), List.of(layout.model(to)));
        return layout.model(to);
    }

    /**
     * Places the model cached under {@code key} at {@code target}, training it into the cache first with
     * {@code train} unless it is there: models are content-addressed, so the same key is the same model. The
     * training goes to a staging folder ({@code cache/.KEY.tmp}) that becomes {@code cache/KEY} by one rename
     * once the model, its provenance and its curve are all written: a compile killed half-way leaves no cache
     * entry that a rerun would take for a finished model. Between {@link Lock#begin} and the caller's
     * {@link Lock#record}, {@code target} and {@code alsoWritten} are marked in progress.
     */
    private static void fromCache(ProjectLayout layout, String stage, String key, Path target, List<Path> alsoWritten,
            Log log, String reused, Consumer<Path> train) {
        Path cached = layout.cache().resolve(key);
        if (Files.isDirectory(cached)) {
            log.info(reused);
        } else {
            Path staging = layout.cache().resolve("." + key + ".tmp");
            removeStaging(layout.cache(), key);
            train.accept(staging);
            try {
                AtomicFiles.move(staging, cached);
            } catch (IOException e) {
                throw new ProdaFileException("cannot store model " + cached + ": " + e.getMessage(), e);
            }
        }
        List<Path> outputs = new ArrayList<>(List.of(target));
        outputs.addAll(alsoWritten);
        Lock.begin(layout, stage, outputs);
        copyTree(cached, target);
    }

    /**
     * Deletes what a killed compile of {@code key} left in the cache: its staging folder and the engine's own
     * temp and old folders beside it (named after the staging folder: ".." + key + ".tmp…").
     */
    private static void removeStaging(Path cache, String key) {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (var entries = Files.list(cache)) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().startsWith("." + key + ".tmp")
                    || e.getFileName().toString().startsWith(".." + key + ".tmp")).toList()) {
                AtomicFiles.deleteTree(entry);
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot clean up " + cache + ": " + e.getMessage(), e);
        }
    }

    static PretrainConfig pretrainConfig(ProdaConfig config) {
        ProdaConfig.Student s = config.student();
        return new PretrainConfig(s.layers(), s.width(), s.heads(), s.context(), s.maxVocabulary(), s.minWordCount(),
                s.pretrainTokens(), s.batchSize(), s.pretrainLearningRate(), config.seed(), s.threads());
    }

    /**
     * General-text lines trained beside the samples (whole lines, loss on every token) so that fine-tuning
     * does not erase the language model: {@code share} ({@code student.general_replay} from V0,
     * {@code student.repair_replay} from V1 on) × the number of samples, drawn (seeded by the version) from the
     * pretraining lines, never from the held-out ones the bits per token are measured on.
     */
    static List<TrainingExample> generalReplay(ProjectLayout layout, ProdaConfig config, ContextFit fit, double share,
            int samples, String version) {
        if (share <= 0 || !Files.isDirectory(layout.general())) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(GeneralText.read(layout.general(), Log.SILENT).pretraining());
        java.util.Collections.shuffle(lines, new java.util.Random(config.seed() * 31 + version.hashCode()));
        List<TrainingExample> replay = new ArrayList<>();
        int wanted = (int) Math.round(share * samples);
        for (int i = 0; i < lines.size() && replay.size() < wanted; i++) {
            TrainingExample example = new TrainingExample("", lines.get(i));
            if (fit.tokens(example) <= fit.context()) {
                replay.add(example);
            }
        }
        return replay;
    }

    /**
     * The criterion's measure: the samples' mean negative log-likelihood per answer token under the trained
     * model, scored as the benchmark scores (replayed general lines are not samples and do not count).
     */
    private static double answerLoss(StudentEngine engine, Path model, List<TrainingExample> samples) {
        List<dev.proda.student.Continuation> requests = samples.stream()
                .map(e -> new dev.proda.student.Continuation(e.prompt(), e.completion())).toList();
        double nats;
        try (var student = engine.load(model)) {
            nats = dev.proda.student.LogLikelihood.meanNats(student.logLikelihoods(requests));
        }
        return Double.isNaN(nats) ? 0 : Math.round(nats * 10000) / 10000.0;
    }

    private static double last(List<CurvePoint> points) {
        return points.get(points.size() - 1).loss();
    }

    /**
     * Passes progress on and keeps each reported loss as a curve point; steps and epochs continue from
     * {@code stepOffset} and {@code epochOffset} (a chunk after the planned run), over {@code epochs} epochs.
     */
    private static ProgressListener recording(ProgressListener inner, List<CurvePoint> points, long stepOffset,
            int epochOffset, int epochs) {
        return (step, total, loss, tokensPerSecond) -> {
            inner.onStep(step, total, loss, tokensPerSecond);
            points.add(new CurvePoint(stepOffset + step, Math.round((epochOffset + (double) epochs * step
                    / Math.max(1, total)) * 100) / 100.0, Math.round(loss * 10000) / 10000.0));
        };
    }

    /** Logs about twenty progress lines per run, and keeps the log's progress line (rate, time left) up to date. */
    static ProgressListener progress(String version, Log log) {
        return new ProgressListener() {
            private long lastReported = -1;
            private dev.proda.project.Progress shown;

            @Override
            public void onStep(long step, long total, double loss, double tokensPerSecond) {
                if (shown == null) {
                    shown = log.progress("compile " + version, total, "steps");
                }
                shown.set(step, String.format(java.util.Locale.ROOT, "loss %.3f, %.0f tokens/s", loss,
                        tokensPerSecond));
                if (step >= total) {
                    shown.close();
                }
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
            AtomicFiles.deleteTree(temp);
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
            AtomicFiles.deleteTree(target);
            Files.move(temp, target);
        } catch (IOException e) {
            throw new ProdaFileException("cannot copy model " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }
}

package dev.proda.student.djl;

import dev.proda.student.FinetuneConfig;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentEngine;
import dev.proda.student.TokenCounter;
import dev.proda.student.StudentModel;
import dev.proda.student.TrainingExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The embedded student engine: a small GPT trained from scratch on the CPU with DJL's PyTorch engine.
 * Results are deterministic for a seed on a given machine and thread count when the JVM runs with
 * {@code MKL_CBWR=AUTO} in its environment (see {@link PyTorchRuntime}); without it, runs occasionally
 * differ in the last bits.
 */
public final class DjlStudentEngine implements StudentEngine {

    public static final String NAME = "djl-gpt";

    /** Threads used when only loading for scoring (no config gives a count). */
    private final int scoringThreads;

    public DjlStudentEngine() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public DjlStudentEngine(int scoringThreads) {
        if (scoringThreads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.scoringThreads = scoringThreads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void pretrain(List<String> texts, List<String> vocabularyTexts, PretrainConfig config, Path modelDir,
            ProgressListener progress) {
        try (DjlStudentModel model = pretrainModel(texts, vocabularyTexts, config, modelDir, progress)) {
            Objects.requireNonNull(model);
        }
    }

    @Override
    public TokenCounter tokenCounter(List<String> vocabularyTexts, PretrainConfig config) {
        WordTokenizer tokenizer = WordTokenizer.train(vocabularyTexts, config.maxVocabulary(), config.minWordCount());
        return text -> tokenizer.encode(text).length;
    }

    @Override
    public TokenCounter tokenCounter(Path modelDir) {
        WordTokenizer tokenizer = WordTokenizer.load(modelDir.resolve(ModelFiles.TOKENIZER));
        return text -> tokenizer.encode(text).length;
    }

    /** {@link #pretrain} that also returns the trained model, still in memory (the caller closes it). */
    DjlStudentModel pretrainModel(List<String> texts, List<String> vocabularyTexts, PretrainConfig config,
            Path modelDir, ProgressListener progress) {
        WordTokenizer tokenizer = WordTokenizer.train(vocabularyTexts, config.maxVocabulary(), config.minWordCount());
        ModelShape shape = new ModelShape(config.layers(), config.width(), config.heads(), config.context(),
                tokenizer.size());
        long steps = Math.max(1, config.tokenBudget() / ((long) config.batchSize() * config.context()));
        DjlStudentModel model = DjlStudentModel.create(shape, tokenizer, config.seed(), config.threads());
        try {
            TextPacker packer = new TextPacker(texts.stream().map(tokenizer::encode).toList(), tokenizer.eot(),
                    tokenizer.pad(), config.context());
            TrainingRun run = new GptTrainer(model.gpt(), model.manager())
                    .train(packer, config.batchSize(), steps, config.learningRate(), config.seed(), progress);
            model.save(modelDir, model.config().plus(TrainingProvenance.of("pretrain", config.seed(), texts.size(),
                    config.batchSize(), config.learningRate(), config.threads(), run)));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public void finetune(Path baseDir, List<TrainingExample> examples, FinetuneConfig config, Path outDir,
            ProgressListener progress) {
        try (DjlStudentModel model = DjlStudentModel.load(baseDir, config.threads())) {
            // The base is fully in memory now, so outDir may even be baseDir.
            WordTokenizer tokenizer = model.tokenizer();
            // Prompt and completion are encoded apart, as a scored request is: the boundary is exact.
            List<ExamplePacker.Example> encoded = examples.stream().map(e -> new ExamplePacker.Example(
                    tokenizer.encode(e.prompt()), tokenizer.encode(e.completion()))).toList();
            ExamplePacker packer = new ExamplePacker(encoded, tokenizer.eot(), tokenizer.pad(),
                    model.config().shape().context());
            long steps = packer.steps(config.epochs(), config.batchSize(), config.seed());
            TrainingRun run = new GptTrainer(model.gpt(), model.manager())
                    .train(packer, config.batchSize(), steps, config.learningRate(), config.seed(), progress);
            model.save(outDir, model.config().plus(TrainingProvenance.of("finetune", config.seed(), examples.size(),
                    config.batchSize(), config.learningRate(), config.threads(), run)));
        }
    }

    @Override
    public StudentModel load(Path modelDir) {
        return DjlStudentModel.load(modelDir, scoringThreads);
    }
}

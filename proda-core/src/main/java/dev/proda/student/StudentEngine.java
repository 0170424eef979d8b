package dev.proda.student;

import java.nio.file.Path;
import java.util.List;

/** Trains student models and loads them from disk. Implementations must be deterministic for a seed. */
public interface StudentEngine {

    /** A short name for reports and provenance, e.g. {@code "djl-gpt"}. */
    String name();

    /**
     * Trains a tokenizer on {@code vocabularyTexts} and a fresh model on {@code texts}, then saves
     * both to {@code modelDir} (created; replaced atomically if it exists).
     */
    void pretrain(List<String> texts, List<String> vocabularyTexts, PretrainConfig config, Path modelDir,
            ProgressListener progress);

    /**
     * Loads the model in {@code baseDir}, continues training on {@code examples} (loss on every token of
     * prompt + completion) and saves the result to {@code outDir}. The tokenizer is kept unchanged.
     */
    void finetune(Path baseDir, List<TrainingExample> examples, FinetuneConfig config, Path outDir,
            ProgressListener progress);

    /**
     * Counts tokens as a model pretrained with {@code config} on {@code vocabularyTexts} would: the same
     * tokenizer {@link #pretrain} builds, without training a model. Lets the Tester and the Builder check
     * that every item and sample fits the context before anything is trained.
     */
    TokenCounter tokenCounter(List<String> vocabularyTexts, PretrainConfig config);

    /** Loads a saved model for scoring. */
    StudentModel load(Path modelDir);
}

package dev.proda.student;

import java.nio.file.Path;
import java.util.List;

/** Trains student models and loads them from disk. Implementations must be deterministic for a seed. */
public interface StudentEngine {

    /** A short name for reports and provenance, e.g. {@code "djl-gpt"}. */
    String name();

    /** Whether {@link #pretrain} trains a model (false: it only records one that exists, e.g. behind an endpoint). */
    default boolean trainsBase() {
        return true;
    }

    /** Why {@link #finetune} cannot run here, or null when it can (an endpoint's model is not proda's to train). */
    default String cannotFinetune() {
        return null;
    }

    /**
     * Trains a tokenizer on {@code vocabularyTexts} and a fresh model on {@code texts}, then saves
     * both to {@code modelDir} (created; replaced atomically if it exists).
     */
    void pretrain(List<String> texts, List<String> vocabularyTexts, PretrainConfig config, Path modelDir,
            ProgressListener progress);

    /**
     * Loads the model in {@code baseDir}, continues training on {@code examples} and saves the result to
     * {@code outDir}. The tokenizer is kept unchanged.
     *
     * <p>Loss is on the answer only: each example is read as {@code prompt completion} and only the
     * completion's tokens and the end-of-text token after them are predicted; the prompt's tokens are
     * context, never targets (a true/false prompt quoting a false sentence does not teach that sentence).
     * Every example must fit the context whole: its prompt and completion tokens, as
     * {@link #tokenCounter} counts them, plus one end-of-text token, at most {@code context}. An example
     * that does not is refused with an {@link IllegalArgumentException}; it is never cut.
     */
    void finetune(Path baseDir, List<TrainingExample> examples, FinetuneConfig config, Path outDir,
            ProgressListener progress);

    /**
     * Counts tokens as a model pretrained with {@code config} on {@code vocabularyTexts} would: the same
     * tokenizer {@link #pretrain} builds, without training a model. Lets the Tester and the Builder check
     * that every item and sample fits the context before anything is trained.
     */
    TokenCounter tokenCounter(List<String> vocabularyTexts, PretrainConfig config);

    /** Counts tokens as the model saved in {@code modelDir} does (its own tokenizer, read from disk). */
    TokenCounter tokenCounter(Path modelDir);

    /** Loads a saved model for scoring. */
    StudentModel load(Path modelDir);
}

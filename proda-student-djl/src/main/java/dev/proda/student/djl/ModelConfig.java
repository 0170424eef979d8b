package dev.proda.student.djl;

import java.util.List;

/**
 * Contents of {@code config.json}: the architecture needed to rebuild the model and the training
 * stages that produced its parameters, oldest first (a fine-tuned model keeps its base's history).
 */
public record ModelConfig(String format, ModelShape shape, List<TrainingProvenance> training) {

    static final String FORMAT = "proda-djl-gpt/1";

    public ModelConfig {
        training = List.copyOf(training);
    }

    ModelConfig plus(TrainingProvenance stage) {
        List<TrainingProvenance> history = new java.util.ArrayList<>(training);
        history.add(stage);
        return new ModelConfig(format, shape, history);
    }
}

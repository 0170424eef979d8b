package dev.proda.student;

import java.util.Objects;

/**
 * One fine-tuning text: a prompt and its completion, read as one sequence; only the completion is
 * trained on (see {@link StudentEngine#finetune}).
 */
public record TrainingExample(String prompt, String completion) {
    public TrainingExample {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(completion, "completion");
    }

    /** The exact text the model sees: prompt immediately followed by completion. */
    public String text() {
        return prompt + completion;
    }
}

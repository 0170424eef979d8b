package dev.proda.student;

import java.util.Objects;

/** One fine-tuning text: a prompt and its completion, trained on as one sequence. */
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

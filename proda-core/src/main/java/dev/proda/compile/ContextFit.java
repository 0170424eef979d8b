package dev.proda.compile;

import dev.proda.model.Sample;
import dev.proda.student.StudentEngine;
import dev.proda.student.TokenCounter;
import dev.proda.student.TrainingExample;

/**
 * Whether a training sample fits the student's context, by the rule {@link StudentEngine#finetune} states:
 * its prompt and answer tokens, counted with the student's tokenizer, plus the end-of-text token that
 * closes the answer, at most {@code context}. One rule for the Builder (which drops what does not fit and
 * says so) and for {@link Compile#finetune} (which never hands the engine a sample it would refuse).
 */
public record ContextFit(TokenCounter counter, int context) {
    /** Tokens a sample takes in training, the closing end-of-text token included. */
    public int tokens(Sample sample) {
        return tokens(PromptFormat.example(sample));
    }

    public int tokens(TrainingExample example) {
        return counter.count(example.prompt()) + counter.count(example.completion()) + 1;
    }

    public boolean fits(Sample sample) {
        return tokens(sample) <= context;
    }
}

package dev.proda.teacher.llm;

import java.util.List;

/** Every answer of a conversation (the first and all re-asks) failed validation. */
public class InvalidAnswerException extends RuntimeException {
    private final List<String> errors;
    private final int attempts;

    public InvalidAnswerException(String schema, int attempts, List<String> errors) {
        super(schema + ": " + attempts + (attempts == 1 ? " answer" : " answers") + " invalid; last: "
                + String.join("; ", errors));
        this.errors = List.copyOf(errors);
        this.attempts = attempts;
    }

    /** The last answer's errors. */
    public List<String> errors() {
        return errors;
    }

    public int attempts() {
        return attempts;
    }
}

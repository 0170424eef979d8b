package dev.proda.student;

/** Summed log-probability of a continuation and its length in tokens. */
public record LogLikelihood(double sum, int tokens) {
    public LogLikelihood {
        if (tokens <= 0) {
            throw new IllegalArgumentException("tokens must be positive: " + tokens);
        }
    }
}

package dev.proda.student;

/** Summed log-probability of a continuation and its length in tokens. */
public record LogLikelihood(double sum, int tokens) {
    public LogLikelihood {
        if (tokens <= 0) {
            throw new IllegalArgumentException("tokens must be positive: " + tokens);
        }
    }

    /** Per-token log-likelihood (the length-normalized score). */
    public double perToken() {
        return sum / tokens;
    }
}

package dev.proda.student;

/** Summed log-probability of a continuation and its length in tokens. */
public record LogLikelihood(double sum, int tokens) {
    public LogLikelihood {
        if (tokens <= 0) {
            throw new IllegalArgumentException("tokens must be positive: " + tokens);
        }
    }

    /** Mean negative log-likelihood per scored token over {@code results}, in nats; NaN when there are none. */
    public static double meanNats(java.util.List<LogLikelihood> results) {
        double nats = 0;
        long tokens = 0;
        for (LogLikelihood result : results) {
            nats -= result.sum();
            tokens += result.tokens();
        }
        return tokens == 0 ? Double.NaN : nats / tokens;
    }
}

package dev.proda.student;

import java.util.List;

/** A loaded student that scores continuations by log-likelihood, as lm-eval-harness does. */
public interface StudentModel extends AutoCloseable {

    /**
     * For each request, the summed natural-log probability of the continuation's tokens given the
     * context, and how many tokens the continuation has. Contexts longer than the model's window are
     * truncated on the left. Results are in request order.
     */
    List<LogLikelihood> logLikelihoods(List<Continuation> requests);

    /** Number of trainable parameters. */
    long parameterCount();

    @Override
    void close();
}

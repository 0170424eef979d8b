package dev.proda.model;

import java.util.List;
import java.util.Objects;

/**
 * L3: a reasoning chain, never mere adjacent sentences. {@code kind} is {@value #PATH} (a linked path of
 * statements: each step is a concept term, {@code statement_ids[i]} states how {@code steps[i]} relates to
 * {@code steps[i+1]}, so answering across it needs composition) or {@value #PROCEDURE} (the ordered,
 * self-contained steps of one named process the text states; {@code statement_ids[i]} is the
 * {@link Statement#NEXT_STEP} link from {@code steps[i]} to {@code steps[i+1]}).
 */
public record Chain(String chain_id, String domain_context, String process_name, String narrative_summary,
        List<String> preconditions, List<String> negative_constraints, List<String> steps,
        List<String> statement_ids, List<Span> spans, String discipline, String kind) {
    public static final String PATH = "path";
    public static final String PROCEDURE = "procedure";

    /** A chain of unstated kind (an import that did not say; validation decides by shape). */
    public Chain(String chain_id, String domain_context, String process_name, String narrative_summary,
            List<String> preconditions, List<String> negative_constraints, List<String> steps,
            List<String> statement_ids, List<Span> spans, String discipline) {
        this(chain_id, domain_context, process_name, narrative_summary, preconditions, negative_constraints, steps,
                statement_ids, spans, discipline, null);
    }

    public Chain {
        Objects.requireNonNull(chain_id, "chain_id");
        Objects.requireNonNull(process_name, "process_name");
        preconditions = Records.list(preconditions);
        negative_constraints = Records.list(negative_constraints);
        steps = Records.list(steps);
        statement_ids = Records.list(statement_ids);
        spans = Records.list(spans);
        if (kind != null && !kind.equals(PATH) && !kind.equals(PROCEDURE)) {
            throw new IllegalArgumentException("chain " + chain_id + ": kind must be " + PATH + " or " + PROCEDURE
                    + ", not '" + kind + "'");
        }
        if (steps.size() < 2) {
            throw new IllegalArgumentException("chain " + chain_id + " needs at least two steps");
        }
    }
}

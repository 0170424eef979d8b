package dev.proda.model;

import java.util.List;
import java.util.Objects;

/** L3: a causal or procedural reasoning chain read from one passage. */
public record Chain(String chain_id, String domain_context, String process_name, String narrative_summary,
        List<String> preconditions, List<String> negative_constraints, List<String> steps,
        List<String> statement_ids, List<Span> spans, String discipline) {
    public Chain {
        Objects.requireNonNull(chain_id, "chain_id");
        Objects.requireNonNull(process_name, "process_name");
        preconditions = Records.list(preconditions);
        negative_constraints = Records.list(negative_constraints);
        steps = Records.list(steps);
        statement_ids = Records.list(statement_ids);
        spans = Records.list(spans);
        if (steps.size() < 2) {
            throw new IllegalArgumentException("chain " + chain_id + " needs at least two steps");
        }
    }
}

package dev.proda.model;

import java.util.List;
import java.util.Objects;

/**
 * L2: an atomic, self-contained relation {@code subject predicate object}, read from {@code source_quote}.
 * A statement either links two steps of an explicit procedure ({@code parent_chain_id} set, predicate
 * {@value #NEXT_STEP}) or is a definitional or taxonomic relation between concept terms ({@code
 * parent_chain_id} null), which linked-path chains reuse. {@code confidence} in [0, 1] is how sure the
 * teacher is (imports without one count as 1).
 */
public record Statement(String statement_id, String parent_chain_id, String subject, String predicate,
        String object, String source_quote, List<Span> spans, List<String> concept_ids, Double confidence) {
    /** The predicate of a procedure's step link: step i is followed by step i+1. */
    public static final String NEXT_STEP = "next-step";

    /** A statement the teacher is sure of. */
    public Statement(String statement_id, String parent_chain_id, String subject, String predicate, String object,
            String source_quote, List<Span> spans, List<String> concept_ids) {
        this(statement_id, parent_chain_id, subject, predicate, object, source_quote, spans, concept_ids, 1.0);
    }

    public Statement {
        confidence = confidence == null ? 1.0 : confidence;
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("statement " + statement_id + ": confidence must be in [0, 1]");
        }
        Objects.requireNonNull(statement_id, "statement_id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(source_quote, "source_quote");
        spans = Records.list(spans);
        concept_ids = Records.list(concept_ids);
    }

    /** The same statement linked to other concepts. */
    public Statement withConcepts(List<String> ids) {
        return new Statement(statement_id, parent_chain_id, subject, predicate, object, source_quote, spans, ids,
                confidence);
    }
}

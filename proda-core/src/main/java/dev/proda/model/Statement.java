package dev.proda.model;

import java.util.List;
import java.util.Objects;

/**
 * L2: an atomic relation {@code subject predicate object}, read from {@code source_quote}. A statement
 * either links two adjacent steps of its parent chain or is a stand-alone definitional or taxonomic
 * relation ({@code parent_chain_id} null).
 */
public record Statement(String statement_id, String parent_chain_id, String subject, String predicate,
        String object, String source_quote, List<Span> spans, List<String> concept_ids) {
    public Statement {
        Objects.requireNonNull(statement_id, "statement_id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(source_quote, "source_quote");
        spans = Records.list(spans);
        concept_ids = Records.list(concept_ids);
    }
}

package dev.proda.model;

import java.util.List;
import java.util.Objects;

/** L1: a domain term with its definition (if the corpus gives one) and the statements it appears in. */
public record Concept(String concept_id, String term, List<String> aliases, String type, String definition,
        List<String> parent_statement_ids, String discipline, List<Span> spans) {
    public Concept {
        Objects.requireNonNull(concept_id, "concept_id");
        Objects.requireNonNull(term, "term");
        aliases = Records.list(aliases);
        parent_statement_ids = Records.list(parent_statement_ids);
        spans = Records.list(spans);
    }
}

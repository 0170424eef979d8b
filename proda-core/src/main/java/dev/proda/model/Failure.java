package dev.proda.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failed dev item with its trace (item → chain → statements → concepts) and its localisation: the
 * nodes whose probes failed ({@code concept_gap}); if all passed, the form when most dev items of that form
 * (or of that form and relation) fail ({@code capability_deficit}, responsible {@code form:<form>} or
 * {@code form:<form>:<predicate>}), else the chain ({@code chain_break}).
 */
public record Failure(String item, String chosen, Map<String, Double> scores, List<String> trace, String kind,
        List<String> responsible, Map<String, Boolean> probes) {
    /** The failure classes (docs/method.md): a node missing, a composition missing, a form the student cannot do. */
    public static final List<String> KINDS = List.of("concept_gap", "chain_break", "capability_deficit");

    /** The responsible "node" of a capability deficit: the form (or relation) itself. */
    public static final String FORM_PREFIX = "form:";

    public Failure {
        Objects.requireNonNull(item, "item");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
        scores = Map.copyOf(scores);
        trace = Records.list(trace);
        responsible = Records.list(responsible);
        probes = Map.copyOf(probes);
    }
}

package dev.proda.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failed dev item with its trace (item → chain → statements → concepts) and its localisation: the
 * nodes whose probes failed ({@code concept_gap}) or, if all passed, the chain ({@code chain_break}).
 */
public record Failure(String item, String chosen, Map<String, Double> scores, List<String> trace, String kind,
        List<String> responsible, Map<String, Boolean> probes) {
    public Failure {
        Objects.requireNonNull(item, "item");
        if (!kind.equals("concept_gap") && !kind.equals("chain_break")) {
            throw new IllegalArgumentException("kind must be concept_gap or chain_break: " + kind);
        }
        scores = Map.copyOf(scores);
        trace = Records.list(trace);
        responsible = Records.list(responsible);
        probes = Map.copyOf(probes);
    }
}

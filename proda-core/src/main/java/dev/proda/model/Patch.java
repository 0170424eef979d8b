package dev.proda.model;

import java.util.List;
import java.util.Objects;

/** Targeted repair data for one responsible node, grounded in corpus spans. */
public record Patch(String id, List<String> failures, String target, List<Sample> samples, List<Span> grounding,
        int round) {
    public Patch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        failures = Records.list(failures);
        samples = Records.list(samples);
        grounding = Records.list(grounding);
    }
}

package dev.proda.model;

import java.util.Map;
import java.util.Objects;

/** How the student answered one item: its pick, whether right, and each option's score. */
public record ItemResult(String item, String split, String chosen, String answer, boolean correct,
        Map<String, Double> scores, String discipline) {
    public ItemResult {
        Objects.requireNonNull(item, "item");
        scores = Map.copyOf(scores);
    }
}

package dev.proda.model;

import java.util.Map;
import java.util.Objects;

/**
 * How the student answered one item. {@code scores} are each option's summed log-likelihood; the pick
 * by that sum is {@code chosen} (lm-eval-harness's {@code acc}); the pick by the sum divided by the
 * option's length in characters is {@code chosen_norm} ({@code acc_norm}).
 */
public record ItemResult(String item, String split, String chosen, String answer, boolean correct,
        String chosen_norm, boolean correct_norm, Map<String, Double> scores, String discipline) {
    public ItemResult {
        Objects.requireNonNull(item, "item");
        scores = Map.copyOf(scores);
    }
}

package dev.proda.evaluate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proda.model.ItemResult;
import dev.proda.model.TestItem;
import java.util.List;
import java.util.Map;

/**
 * Accuracy over some items with the chance level of those items: {@code accuracy} picks the option with
 * the highest summed log-likelihood (lm-eval-harness {@code acc}), {@code accuracy_norm} the highest
 * log-likelihood per character ({@code acc_norm}).
 */
@JsonPropertyOrder({"accuracy", "accuracy_norm", "n", "correct", "chance"})
public record Score(double accuracy, double accuracy_norm, int n, int correct, double chance) {

    static Score of(List<ItemResult> results, Map<String, TestItem> items) {
        int correct = (int) results.stream().filter(ItemResult::correct).count();
        int correctNorm = (int) results.stream().filter(ItemResult::correct_norm).count();
        double chance = results.stream().mapToDouble(r -> items.get(r.item()).chance()).average().orElse(0);
        int n = results.size();
        return new Score(n == 0 ? 0 : round((double) correct / n), n == 0 ? 0 : round((double) correctNorm / n), n,
                correct, round(chance));
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

package dev.proda.evaluate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.proda.model.ItemResult;
import dev.proda.model.TestItem;
import java.util.List;
import java.util.Map;

/** Accuracy over some items, with the chance level of those items. */
@JsonPropertyOrder({"accuracy", "n", "correct", "chance"})
public record Score(double accuracy, int n, int correct, double chance) {

    static Score of(List<ItemResult> results, Map<String, TestItem> items) {
        int correct = (int) results.stream().filter(ItemResult::correct).count();
        double chance = results.stream().mapToDouble(r -> items.get(r.item()).chance()).average().orElse(0);
        return new Score(results.isEmpty() ? 0 : (double) correct / results.size(), results.size(), correct,
                round(chance));
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

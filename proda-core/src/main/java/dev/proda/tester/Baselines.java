package dev.proda.tester;

import dev.proda.model.TestItem;
import dev.proda.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

/**
 * Option-only baselines: rules that pick an answer without the knowledge (longest, shortest, most stem
 * overlap, most and least frequent option, the option from the item's own discipline) and a logistic
 * regression on those option features trained on dev and scored on test. A rule that ties several
 * options is credited its expected accuracy under a random tie-break, so a rule that cannot tell the
 * options apart scores chance exactly.
 */
final class Baselines {
    /** One baseline's result; {@code fair_by} says how item construction keeps it at chance. */
    record Baseline(String name, double accuracy, double chance, int items, String fair_by) {
        double lead() {
            return accuracy - chance;
        }

        /**
         * The chance that a uniform guesser scores at least this well on as many items (one-sided binomial
         * tail): on a few dozen items one lucky item is several points, so a lead alone is no evidence.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("p_value")
        double pValue() {
            int successes = (int) Math.ceil(accuracy * items - 1e-9);
            double tail = 0;
            for (int k = successes; k <= items; k++) {
                tail += Math.exp(logChoose(items, k) + k * Math.log(chance) + (items - k) * Math.log1p(-chance));
            }
            return Math.min(1, tail);
        }

        /** A lead of more than {@link #MAX_LEAD} that chance alone explains less than {@link #MAX_P} of the time. */
        boolean beatsChance() {
            return items > 0 && lead() > MAX_LEAD && pValue() < MAX_P;
        }

        private static double logChoose(int n, int k) {
            double sum = 0;
            for (int i = 1; i <= k; i++) {
                sum += Math.log(n - k + i) - Math.log(i);
            }
            return sum;
        }
    }

    static final double MAX_LEAD = 0.05;
    /** The significance a lead must reach before it fails the benchmark. */
    static final double MAX_P = 0.05;
    private static final int FEATURES = 10;

    private final Map<String, Integer> frequency = new HashMap<>();
    private final Function<String, String> home;

    /**
     * @param home the discipline an option text comes from (its concept's, definition's or step's), or
     *     null when it has none (claims, orderings)
     */
    Baselines(List<TestItem> benchmark, Function<String, String> home) {
        benchmark.forEach(item -> item.options().values().forEach(o -> frequency.merge(norm(o), 1, Integer::sum)));
        this.home = home;
    }

    List<Baseline> all(List<TestItem> dev, List<TestItem> test) {
        List<TestItem> items = new ArrayList<>(dev);
        items.addAll(test);
        List<Baseline> baselines = new ArrayList<>();
        baselines.add(rule("longest option", items, (item, o) -> o.length(),
                "every option of a block is the key of one of its four items, and options are grouped by similar length"));
        baselines.add(rule("shortest option", items, (item, o) -> -o.length(),
                "as for the longest option: a block's option set is shared, each option keyed once"));
        baselines.add(rule("most word overlap with the stem", items, (item, o) -> Overlap.count(o, item.question()),
                "no option shares a content word with its stem (checked for every stem-option pair)"));
        baselines.add(rule("most frequent option", items, (item, o) -> frequency.get(norm(o)),
                "an option string appears as key exactly as often as a block uses it, and as distractor the rest"));
        baselines.add(rule("least frequent option", items, (item, o) -> -frequency.get(norm(o)),
                "as for the most frequent option"));
        baselines.add(rule("own discipline", items, (item, o) -> Objects.equals(home.apply(o), item.discipline()) ? 1 : 0,
                "all options of an item come from one discipline bucket and one shared option set"));
        baselines.add(classifier(dev, test));
        return baselines;
    }

    private Baseline rule(String name, List<TestItem> items, ToDoubleBiFunction<TestItem, String> score,
            String fairBy) {
        double correct = 0;
        for (TestItem item : items) {
            Map<String, Double> scores = new HashMap<>();
            item.options().forEach((letter, option) -> scores.put(letter, score.applyAsDouble(item, option)));
            correct += credit(item, scores);
        }
        return new Baseline(name, ratio(correct, items.size()), chance(items), items.size(), fairBy);
    }

    /** Logistic regression on option features, trained on dev options (key or not), scored on test items. */
    private Baseline classifier(List<TestItem> dev, List<TestItem> test) {
        double[] weights = new double[FEATURES];
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (TestItem item : dev) {
            Map<String, double[]> features = features(item);
            features.forEach((letter, x) -> {
                xs.add(x);
                ys.add(item.answer().contains(letter) ? 1 : 0);
            });
        }
        for (int epoch = 0; epoch < 300 && !xs.isEmpty(); epoch++) {
            double[] gradient = new double[FEATURES];
            for (int k = 0; k < xs.size(); k++) {
                double error = sigmoid(dot(weights, xs.get(k))) - ys.get(k);
                for (int f = 0; f < FEATURES; f++) {
                    gradient[f] += error * xs.get(k)[f];
                }
            }
            for (int f = 0; f < FEATURES; f++) {
                weights[f] -= 0.5 * (gradient[f] / xs.size() + 1e-3 * weights[f]);
            }
        }
        double correct = 0;
        for (TestItem item : test) {
            Map<String, Double> scores = new HashMap<>();
            features(item).forEach((letter, x) -> scores.put(letter, (double) Math.round(dot(weights, x) * 1e9)));
            correct += credit(item, scores);
        }
        return new Baseline("option-only classifier (trained on dev, scored on test)", ratio(correct, test.size()),
                chance(test), test.size(), "its features are those of the rules above, each at chance by construction");
    }

    /** Length, word count, frequency (each standardised within the item), overlap, discipline, and extremes. */
    private Map<String, double[]> features(TestItem item) {
        List<String> letters = item.letters();
        double[][] raw = new double[letters.size()][3];
        for (int k = 0; k < letters.size(); k++) {
            String option = item.options().get(letters.get(k));
            raw[k] = new double[] {option.length(), option.split("\\s+").length, Math.log1p(frequency.get(norm(option)))};
        }
        Map<String, double[]> features = new HashMap<>();
        for (int k = 0; k < letters.size(); k++) {
            String option = item.options().get(letters.get(k));
            double[] x = new double[FEATURES];
            x[0] = 1;
            for (int f = 0; f < 3; f++) {
                x[1 + f] = standardised(raw, k, f);
            }
            x[4] = Overlap.count(option, item.question());
            x[5] = Objects.equals(home.apply(option), item.discipline()) ? 1 : 0;
            x[6] = extreme(raw, k, 0, true);
            x[7] = extreme(raw, k, 0, false);
            x[8] = extreme(raw, k, 2, true);
            x[9] = extreme(raw, k, 2, false);
            features.put(letters.get(k), x);
        }
        return features;
    }

    private static double standardised(double[][] raw, int k, int f) {
        double mean = 0;
        for (double[] r : raw) {
            mean += r[f] / raw.length;
        }
        double variance = 0;
        for (double[] r : raw) {
            variance += (r[f] - mean) * (r[f] - mean) / raw.length;
        }
        return variance == 0 ? 0 : (raw[k][f] - mean) / Math.sqrt(variance);
    }

    private static double extreme(double[][] raw, int k, int f, boolean max) {
        for (double[] r : raw) {
            if (max ? r[f] > raw[k][f] : r[f] < raw[k][f]) {
                return 0;
            }
        }
        return 1;
    }

    /** Expected accuracy of picking among the top-scored options at random. */
    static double credit(TestItem item, Map<String, Double> scores) {
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> top = scores.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        long right = top.stream().filter(item.answer()::contains).count();
        return (double) right / top.size();
    }

    static double chance(List<TestItem> items) {
        return ratio(items.stream().mapToDouble(TestItem::chance).sum(), items.size());
    }

    private static double ratio(double part, int whole) {
        return whole == 0 ? 0 : part / whole;
    }

    private static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int f = 0; f < w.length; f++) {
            sum += w[f] * x[f];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static String norm(String option) {
        return Terms.lower(option.strip());
    }
}

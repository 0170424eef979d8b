package dev.proda.debug;

import dev.proda.model.Failure;
import dev.proda.model.TestItem;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a version fails on dev, at a glance: failures by kind, and failed out of tested per discipline and
 * per item form (a form failed far more often than the others hints at a missing capability, not a missing
 * fact), and the nodes most often responsible. Written as {@code target/reports/debug-round-N.json}.
 *
 * @param most_failed responsible nodes, most failures first (ties by id), at most {@link #TOP}
 */
public record DebugSummary(String version, int failures, Map<String, Integer> by_kind,
        Map<String, Share> by_discipline, Map<String, Share> by_form, List<Node> most_failed) {
    static final int TOP = 10;

    /** Failed dev items out of all dev items of one group. */
    public record Share(int failed, int items) {
    }

    /** A responsible node and how many failed items blame it. */
    public record Node(String id, int failures) {
    }

    static DebugSummary of(String version, Collection<TestItem> dev, List<Failure> failures) {
        Map<String, TestItem> byId = new LinkedHashMap<>();
        dev.forEach(i -> byId.put(i.id(), i));
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> blamed = new LinkedHashMap<>();
        for (Failure f : failures) {
            kinds.merge(f.kind(), 1, Integer::sum);
            f.responsible().forEach(node -> blamed.merge(node, 1, Integer::sum));
        }
        List<Node> top = blamed.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new Node(e.getKey(), e.getValue())).toList();
        return new DebugSummary(version, failures.size(), kinds,
                shares(byId, failures, i -> i.discipline() == null ? "unknown" : i.discipline()),
                shares(byId, failures, i -> i.form() == null ? "unknown" : i.form()), top);
    }

    private static Map<String, Share> shares(Map<String, TestItem> dev, List<Failure> failures,
            Function<TestItem, String> group) {
        Map<String, int[]> counts = new TreeMap<>();
        dev.values().forEach(i -> counts.computeIfAbsent(group.apply(i), k -> new int[2])[1]++);
        failures.stream().map(f -> dev.get(f.item())).filter(java.util.Objects::nonNull)
                .forEach(i -> counts.get(group.apply(i))[0]++);
        Map<String, Share> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> shares.put(e.getKey(), new Share(e.getValue()[0], e.getValue()[1])));
        return shares;
    }

    /** One line per grouping for the log. */
    List<String> lines() {
        return List.of(
                "debug " + version + " by form: " + format(by_form),
                "debug " + version + " by discipline: " + format(by_discipline),
                "debug " + version + " most failed nodes: " + most_failed.stream()
                        .map(n -> n.id() + " (" + n.failures() + ")").toList());
    }

    private static String format(Map<String, Share> shares) {
        StringBuilder out = new StringBuilder();
        shares.forEach((k, s) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(s.failed())
                .append('/').append(s.items()));
        return out.toString();
    }
}

package dev.proda.tester;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forms groups of four nodes whose keys serve as each other's distractors. Every pair in a group must
 * be compatible (no key is also true of another member's stem, no shared words, everything fits the
 * context). The node with the fewest compatible partners starts a group, which then grows by the
 * partner most similar to the members so far: similar keys make hard, same-type distractors.
 */
final class Grouping {
    static final int SIZE = 4;

    private Grouping() {
    }

    /** Disjoint groups of {@link #SIZE} indices in {@code [0, n)}; members that fit no group are left out. */
    static List<List<Integer>> groups(boolean[][] compatible, double[][] similarity) {
        int n = compatible.length;
        boolean[] used = new boolean[n];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                degree[i] += i != j && compatible[i][j] ? 1 : 0;
            }
        }
        List<Integer> starts = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> degree[i]).thenComparingInt(i -> i)).toList();
        List<List<Integer>> groups = new ArrayList<>();
        for (int start : starts) {
            if (used[start] || degree[start] < SIZE - 1) {
                continue;
            }
            List<Integer> group = new ArrayList<>(List.of(start));
            while (group.size() < SIZE) {
                int best = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int candidate = 0; candidate < n; candidate++) {
                    if (used[candidate] || group.contains(candidate) || !allCompatible(compatible, group, candidate)) {
                        continue;
                    }
                    double score = 0;
                    for (int member : group) {
                        score += similarity[member][candidate];
                    }
                    if (score > bestScore) {
                        bestScore = score;
                        best = candidate;
                    }
                }
                if (best < 0) {
                    break;
                }
                group.add(best);
            }
            if (group.size() == SIZE) {
                group.forEach(i -> used[i] = true);
                groups.add(List.copyOf(group));
            }
        }
        return groups;
    }

    private static boolean allCompatible(boolean[][] compatible, List<Integer> group, int candidate) {
        for (int member : group) {
            if (!compatible[member][candidate]) {
                return false;
            }
        }
        return true;
    }
}

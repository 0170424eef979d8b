package dev.proda.tester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Chooses three distractors per item so that every option of a set of items is a distractor exactly three times per
 * item it keys: then an option appears as often whether or not it is the key, and the frequency rules stay at chance,
 * as they do for the Tester's blocks. Among the assignments that do so it takes the cheapest (the teacher's choices
 * cost nothing, the block partners 1, other vetted options 2), by min-cost flow: source → item (capacity 3) → option
 * (capacity 1 per allowed pair) → sink (capacity 3 per item the option keys). The blocks themselves are one such
 * assignment, so one exists whenever each item may take its block partners.
 */
final class DistractorAssignment {
    static final int PER_ITEM = 3;

    private DistractorAssignment() {
    }

    /**
     * @param allowed per item, the option indices it may take
     * @param cost per item, the cost of each allowed option (same order)
     * @param capacity per option, how many times it must be taken
     * @return per item the option indices taken, or empty when no assignment fills every item and option exactly
     */
    static Optional<List<List<Integer>>> assign(List<List<Integer>> allowed, List<List<Integer>> cost, int[] capacity) {
        int items = allowed.size();
        int options = capacity.length;
        int source = items + options;
        int sink = source + 1;
        Network net = new Network(sink + 1);
        for (int i = 0; i < items; i++) {
            net.add(source, i, PER_ITEM, 0);
            for (int k = 0; k < allowed.get(i).size(); k++) {
                net.add(i, items + allowed.get(i).get(k), 1, cost.get(i).get(k));
            }
        }
        int needed = 0;
        for (int o = 0; o < options; o++) {
            net.add(items + o, sink, capacity[o], 0);
            needed += capacity[o];
        }
        if (needed != PER_ITEM * items || net.minCostFlow(source, sink) != needed) {
            return Optional.empty();
        }
        List<List<Integer>> taken = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            List<Integer> mine = new ArrayList<>();
            for (int e : net.out.get(i)) {
                if (net.to[e] >= items && net.to[e] < items + options && net.flow[e] == 1) {
                    mine.add(net.to[e] - items);
                }
            }
            taken.add(mine);
        }
        return Optional.of(taken);
    }

    /** A residual network with successive shortest paths (Bellman-Ford: costs are small and non-negative). */
    private static final class Network {
        final List<List<Integer>> out = new ArrayList<>();
        int[] to = new int[16];
        int[] cap = new int[16];
        int[] cost = new int[16];
        int[] flow = new int[16];
        int edges;

        Network(int nodes) {
            for (int i = 0; i < nodes; i++) {
                out.add(new ArrayList<>());
            }
        }

        void add(int from, int target, int capacity, int price) {
            edge(from, target, capacity, price);
            edge(target, from, 0, -price);
        }

        private void edge(int from, int target, int capacity, int price) {
            if (edges == to.length) {
                to = Arrays.copyOf(to, edges * 2);
                cap = Arrays.copyOf(cap, edges * 2);
                cost = Arrays.copyOf(cost, edges * 2);
                flow = Arrays.copyOf(flow, edges * 2);
            }
            to[edges] = target;
            cap[edges] = capacity;
            cost[edges] = price;
            out.get(from).add(edges++);
        }

        int minCostFlow(int source, int sink) {
            int total = 0;
            int n = out.size();
            while (true) {
                long[] distance = new long[n];
                int[] via = new int[n];
                Arrays.fill(distance, Long.MAX_VALUE);
                Arrays.fill(via, -1);
                distance[source] = 0;
                for (boolean changed = true; changed;) {
                    changed = false;
                    for (int u = 0; u < n; u++) {
                        if (distance[u] == Long.MAX_VALUE) {
                            continue;
                        }
                        for (int e : out.get(u)) {
                            if (cap[e] - flow[e] > 0 && distance[u] + cost[e] < distance[to[e]]) {
                                distance[to[e]] = distance[u] + cost[e];
                                via[to[e]] = e;
                                changed = true;
                            }
                        }
                    }
                }
                if (distance[sink] == Long.MAX_VALUE) {
                    return total;
                }
                int push = Integer.MAX_VALUE;
                for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                    push = Math.min(push, cap[via[v]] - flow[via[v]]);
                }
                for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                    flow[via[v]] += push;
                    flow[via[v] ^ 1] -= push;
                }
                total += push;
            }
        }
    }
}

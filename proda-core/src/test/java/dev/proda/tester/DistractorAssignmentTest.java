package dev.proda.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistractorAssignmentTest {
    /** Eight items keyed by options 0–7; item i may take every other option. */
    private static List<List<Integer>> everyOther(int n) {
        List<List<Integer>> allowed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> mine = new ArrayList<>();
            for (int o = 0; o < n; o++) {
                if (o != i) {
                    mine.add(o);
                }
            }
            allowed.add(mine);
        }
        return allowed;
    }

    @Test
    void aTeacherThatPrefersTheSameOptionsEverywhereStillGetsBalancedDistractors() {
        int n = 8;
        List<List<Integer>> allowed = everyOther(n);
        List<List<Integer>> cost = new ArrayList<>();
        for (List<Integer> mine : allowed) {
            // every item's teacher wants options 0, 1 and 2 (or 3 for the items they key)
            cost.add(mine.stream().map(o -> o <= 3 ? 0 : 2).toList());
        }
        int[] capacity = new int[n];
        java.util.Arrays.fill(capacity, 3);
        List<List<Integer>> taken = DistractorAssignment.assign(allowed, cost, capacity).orElseThrow();
        int[] uses = new int[n];
        for (int i = 0; i < n; i++) {
            assertEquals(3, taken.get(i).size());
            assertTrue(!taken.get(i).contains(i) && allowed.get(i).containsAll(taken.get(i)));
            taken.get(i).forEach(o -> uses[o]++);
        }
        for (int o = 0; o < n; o++) {
            assertEquals(3, uses[o], "option " + o + " is a distractor as often as any other");
        }
        // Options 0–3 can be taken 12 times in all, and the cheapest assignment takes them all 12 times.
        assertEquals(12, uses[0] + uses[1] + uses[2] + uses[3]);
    }

    @Test
    void noAssignmentWhenTheAllowedPairsCannotBalance() {
        List<List<Integer>> allowed = List.of(List.of(1, 2, 3), List.of(0, 2, 3), List.of(0, 1, 3), List.of(0, 1, 2),
                List.of(0, 1, 2));
        List<List<Integer>> cost = allowed.stream().map(a -> a.stream().map(o -> 0).toList()).toList();
        // five items but option 3 may be taken by only three of them, and needs a capacity of 6
        int[] capacity = {3, 3, 3, 6};
        assertEquals(Optional.empty(), DistractorAssignment.assign(allowed, cost, capacity));
    }
}

package dev.proda.tester;

import dev.proda.model.TestItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * General-language regression items from held-out general text, in the style of HellaSwag: the question
 * is the first half of a passage, the options are endings, scored as plain continuations. The other
 * three endings come from other held-out passages, so only reading the passage tells them apart.
 * Passages whose scoring would not fit the student's context are left out.
 */
final class GeneralItems {
    private static final int MIN_WORDS = 10;

    private GeneralItems() {
    }

    static List<TestItem> from(List<String> heldOut, int budget, Fit fit, long seed) {
        List<String[]> halves = new ArrayList<>();
        for (String line : heldOut) {
            String[] words = line.split("\\s+");
            if (words.length < MIN_WORDS) {
                continue;
            }
            int cut = words.length / 2;
            String[] half = {String.join(" ", Arrays.copyOfRange(words, 0, cut)),
                String.join(" ", Arrays.copyOfRange(words, cut, words.length))};
            // General items are scored as raw text (no prompt): passage start + " " + ending.
            if (fit.count(half[0]) + fit.count(" " + half[1]) <= fit.context() - 4) {
                halves.add(half);
            }
        }
        Random random = new Random(seed);
        List<TestItem> items = new ArrayList<>();
        if (halves.size() < 4) {
            return items;
        }
        for (int k = 0; k < halves.size() && items.size() < budget; k++) {
            String[] passage = halves.get(k);
            Map<String, String> distractors = new LinkedHashMap<>();
            for (int attempt = 0; distractors.size() < 3 && attempt < 100; attempt++) {
                String[] other = halves.get(random.nextInt(halves.size()));
                if (other != passage && !other[1].equals(passage[1])
                        && fit.count(passage[0]) + fit.count(" " + other[1]) <= fit.context()) {
                    distractors.putIfAbsent(other[1], "other_passage");
                }
            }
            if (distractors.size() < 3) {
                continue;
            }
            Draft draft = new Draft(Form.CONTINUATION, "general-" + k, "general-" + k, List.of(), List.of(), "general",
                    passage[0], passage[1], List.copyOf(distractors.keySet()), List.copyOf(distractors.values()));
            items.add(ItemAssembly.item(draft, "general", random));
        }
        return items;
    }
}

package dev.proda.tester;

import dev.proda.model.Records;
import dev.proda.model.TestItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The one place items are built: a draft's options shuffled (seeded) under the letters A–D. */
public final class ItemAssembly {
    private ItemAssembly() {
    }

    /** The item of a draft with exactly three distractors, provisionally in {@code split}. */
    public static TestItem item(Draft draft, String split, Random random) {
        if (draft.distractors().size() != TestItem.LETTERS.size() - 1) {
            throw new IllegalArgumentException("an item needs " + (TestItem.LETTERS.size() - 1) + " distractors: "
                    + draft);
        }
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.shuffle(order, random);
        List<String> options = draft.options();
        Map<String, String> byLetter = new LinkedHashMap<>();
        List<String> kinds = new ArrayList<>();
        String answer = null;
        for (int k = 0; k < order.size(); k++) {
            int which = order.get(k);
            byLetter.put(TestItem.LETTERS.get(k), options.get(which));
            if (which == 0) {
                answer = TestItem.LETTERS.get(k);
            } else {
                kinds.add(draft.distractorKinds().get(which - 1));
            }
        }
        String id = Records.id("i-", draft.form().label(), draft.node(), draft.stem(), draft.key());
        return new TestItem(id, split, draft.stem(), byLetter, answer, draft.chainId(), draft.statementIds(),
                draft.conceptIds(), draft.discipline(), kinds, draft.form().label(), draft.node(), null, false);
    }
}

package dev.proda.tester;

import java.util.List;
import java.util.Objects;

/**
 * An item before its options are shuffled and its split is known: the stem, the key, three typed
 * distractors, and the knowledge it tests ({@code node}, with the chain, statements and concepts
 * below it).
 */
public record Draft(Form form, String node, String chainId, List<String> statementIds, List<String> conceptIds,
        String discipline, String stem, String key, List<String> distractors, List<String> distractorKinds) {
    public Draft {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(key, "key");
        statementIds = List.copyOf(statementIds);
        conceptIds = List.copyOf(conceptIds);
        distractors = List.copyOf(distractors);
        distractorKinds = List.copyOf(distractorKinds);
        if (distractors.size() != distractorKinds.size()) {
            throw new IllegalArgumentException("one kind per distractor: " + distractors + " " + distractorKinds);
        }
    }

    /** Key first, then the distractors. */
    List<String> options() {
        List<String> options = new java.util.ArrayList<>(List.of(key));
        options.addAll(distractors);
        return options;
    }
}

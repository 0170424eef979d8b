package dev.proda.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multiple-choice benchmark item. {@code answer} holds the correct letter(s); distractors are typed
 * ({@code distractor_kinds}, one per wrong option, in option order). {@code form} names the question
 * form (completion, reverse, which-is-true, composition, order, …; "probe" for the Debugger's node
 * probes, "continuation" for general items) and {@code node} the knowledge node it tests (a statement,
 * concept or chain id). {@code twin_id} is the item testing the same node in another form with disjoint
 * distractors (in the other split, or also in {@code test} when {@code held_out}); {@code held_out}
 * marks items of chains whose items are all in {@code test}.
 */
public record TestItem(String id, String split, String question, Map<String, String> options, String answer,
        String chain_id, List<String> statement_ids, List<String> concept_ids, String discipline,
        List<String> distractor_kinds, String form, String node, String twin_id, Boolean held_out) {
    public static final List<String> LETTERS = List.of("A", "B", "C", "D");

    public TestItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (!List.of("dev", "test", "general").contains(split)) {
            throw new IllegalArgumentException("split must be dev, test or general: " + split);
        }
        if (form == null || form.isBlank() || node == null || node.isBlank()) {
            throw new IllegalArgumentException("item " + id + ": form and node are required (rerun 'proda tests "
                    + "--force' on a benchmark written before they existed)");
        }
        Map<String, String> copy = Map.copyOf(options);
        options = copy;
        if (copy.size() < 2 || answer.isEmpty()
                || !answer.chars().allMatch(c -> copy.containsKey(String.valueOf((char) c)))) {
            throw new IllegalArgumentException("item " + id + ": answer " + answer + " not among its options");
        }
        statement_ids = Records.list(statement_ids);
        concept_ids = Records.list(concept_ids);
        distractor_kinds = Records.list(distractor_kinds);
        held_out = held_out != null && held_out;
    }

    /** Option letters in order A, B, C, D (only those present). */
    public List<String> letters() {
        return LETTERS.stream().filter(options::containsKey).toList();
    }

    /** Chance accuracy of a single-answer pick. */
    public double chance() {
        return (double) answer.length() / options.size();
    }

    /** The correct option's text (the first, if several are correct). */
    public String key() {
        return options.get(answer.substring(0, 1));
    }

    /** The same item in another split, linked to its twin. */
    public TestItem placed(String newSplit, String twin, boolean heldOut) {
        return new TestItem(id, newSplit, question, options, answer, chain_id, statement_ids, concept_ids, discipline,
                distractor_kinds, form, node, twin, heldOut);
    }
}

package dev.proda.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multiple-choice benchmark item. {@code answer} holds the correct letter(s); distractors are typed
 * ({@code distractor_kinds}, one per wrong option, in option order).
 */
public record TestItem(String id, String split, String question, Map<String, String> options, String answer,
        String chain_id, List<String> statement_ids, List<String> concept_ids, String discipline,
        List<String> distractor_kinds) {
    public static final List<String> LETTERS = List.of("A", "B", "C", "D");

    public TestItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (!List.of("dev", "test", "general").contains(split)) {
            throw new IllegalArgumentException("split must be dev, test or general: " + split);
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
    }

    /** Option letters in order A, B, C, D (only those present). */
    public List<String> letters() {
        return LETTERS.stream().filter(options::containsKey).toList();
    }

    /** Chance accuracy of a single-answer pick. */
    public double chance() {
        return (double) answer.length() / options.size();
    }
}

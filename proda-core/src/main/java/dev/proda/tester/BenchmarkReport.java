package dev.proda.tester;

import java.util.List;
import java.util.Map;

/**
 * {@code tests/report.json}: what the benchmark holds (counts per form, split and discipline), the
 * option-only baselines beside chance, the longest option scoring in the student's tokens, what was
 * left out and why, and whether the stage passed.
 */
public record BenchmarkReport(boolean passed, List<String> problems, Map<String, Integer> by_split,
        Map<String, Map<String, Integer>> by_form, Map<String, Map<String, Integer>> by_discipline,
        int tested_nodes, int held_out_chains, List<Baselines.Baseline> baselines, double max_lead,
        Longest longest_item, int context, String embedder, Map<String, Integer> skipped, TeacherItems teacher_items,
        List<String> notes) {

    /** With the LLM teacher: drafts it wrote and drafts that stayed the Tester's, per form (null without it). */
    public record TeacherItems(Map<String, Integer> written, Map<String, Integer> kept_embedded, int unanswered,
            String note) {
    }

    /** The item whose longest option scoring takes the most tokens. */
    public record Longest(String id, String form, int tokens) {
    }
}

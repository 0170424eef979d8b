package dev.proda.cycle;

import dev.proda.evaluate.Score;
import dev.proda.evaluate.VersionScores;
import java.util.List;
import java.util.Map;

/** What {@code cycle.json} holds. */
public record CycleReport(String project, long seed, String student, List<Version> versions,
        List<Transfer> transfer, List<Focus> focus, Map<String, Integer> counts, Map<String, Double> seconds,
        List<String> notes) {

    public CycleReport {
        focus = focus == null ? List.of() : List.copyOf(focus); // reports written before focus existed
    }

    /**
     * One version on the two test subsets the protocol judges by: {@code repair}, the test twins of the dev
     * items that failed in round 1 (the repair rate: a patch that fixed the knowledge and not the wording
     * shows here); {@code held_out}, the items of chains kept out of dev (transfer and regression).
     */
    public record Focus(String version, Score repair, Score held_out) {
    }

    /**
     * One version's test accuracy split by whether an item shares a node (its chain, a statement or a
     * concept) with a round-1 patch target: the transfer the targeted repair claims shows as a larger gain
     * on {@code touching} than on {@code other}.
     */
    public record Transfer(String version, Score touching, Score other) {
    }

    /** One model version with its scores and how it was trained. */
    public record Version(String name, String trained, Score dev, Score test, Score general,
            Map<String, Map<String, Score>> disciplines) {
        static Version of(VersionScores scores, String trained) {
            return new Version(scores.name(), trained, scores.dev(), scores.test(), scores.general(),
                    scores.disciplines());
        }
    }

    /** The Markdown rendering written beside the JSON. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# proda cycle: ").append(project).append("\n\n");
        md.append("Student: ").append(student).append(". Seed ").append(seed)
                .append(". Accuracy = share of items whose most likely option (summed log-likelihood, lm-eval's acc) ")
                .append("is correct; acc_norm (per character) and the chance level in brackets.\n\n");
        md.append("| version | trained | dev | test | general |\n|---|---|---|---|---|\n");
        for (Version v : versions) {
            md.append("| ").append(v.name()).append(" | ").append(v.trained()).append(" | ").append(cell(v.dev()))
                    .append(" | ").append(cell(v.test())).append(" | ").append(cell(v.general())).append(" |\n");
        }
        md.append("\n## Test accuracy per discipline\n\n| version |");
        List<String> disciplines = versions.isEmpty() ? List.of()
                : versions.get(0).disciplines().getOrDefault("test", Map.of()).keySet().stream().sorted().toList();
        disciplines.forEach(d -> md.append(' ').append(d).append(" |"));
        md.append("\n|---|").append("---|".repeat(disciplines.size())).append('\n');
        for (Version v : versions) {
            md.append("| ").append(v.name()).append(" |");
            for (String d : disciplines) {
                Score s = v.disciplines().getOrDefault("test", Map.of()).get(d);
                md.append(' ').append(s == null ? "–" : cell(s)).append(" |");
            }
            md.append('\n');
        }
        if (!transfer.isEmpty()) {
            md.append("\n## Transfer: test items sharing a node with a round-1 patch target vs the others\n\n")
                    .append("| version | touching | other |\n|---|---|---|\n");
            transfer.forEach(t -> md.append("| ").append(t.version()).append(" | ").append(cell(t.touching()))
                    .append(" | ").append(cell(t.other())).append(" |\n"));
        }
        if (!focus.isEmpty()) {
            md.append("\n## Repair rate (test twins of the dev items V1 failed) and held-out chains\n\n")
                    .append("| version | repair rate | held-out chains |\n|---|---|---|\n");
            focus.forEach(f -> md.append("| ").append(f.version()).append(" | ").append(cell(f.repair()))
                    .append(" | ").append(f.held_out().n() == 0 ? "no items" : cell(f.held_out())).append(" |\n"));
        }
        md.append("\n## Counts\n\n");
        counts.forEach((k, n) -> md.append("- ").append(k).append(": ").append(n).append('\n'));
        md.append("\n## Seconds per stage\n\n");
        seconds.forEach((k, s) -> md.append("- ").append(k).append(": ").append(String.format("%.1f", s)).append('\n'));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static String cell(Score s) {
        return String.format("%.1f%% of %d (%.1f%%; %.0f%%)", 100 * s.accuracy(), s.n(), 100 * s.accuracy_norm(),
                100 * s.chance());
    }
}

package dev.proda.cycle;

import dev.proda.evaluate.Score;
import dev.proda.evaluate.VersionScores;
import java.util.List;
import java.util.Map;

/** What {@code cycle.json} holds. */
public record CycleReport(String project, long seed, String student, List<Version> versions,
        List<Transfer> transfer, List<Focus> focus, List<Round> rounds, List<String> flags,
        Map<String, Integer> counts, Map<String, Double> seconds, List<String> notes) {

    public CycleReport {
        // reports written before these existed read as empty
        focus = focus == null ? List.of() : List.copyOf(focus);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /**
     * One repair round, {@code from} → {@code to}: dev failures diagnosed, distinct patch targets (and how many
     * an earlier round had patched), patch samples written; test accuracy before and after; and accuracy on
     * the test twins of the dev items that failed at the round's start, before and after.
     */
    public record Round(int round, String from, String to, int dev_failures, int targets, int repeated_targets,
            int patch_samples, Score test_before, Score test_after, Score repair_before, Score repair_after) {
    }

    /**
     * One version on the two test subsets the protocol judges by: {@code repair}, the test twins of the dev
     * items that failed in round 1 (the repair rate: a patch that fixed the knowledge and not the wording
     * shows here); {@code held_out}, the items of chains kept out of dev (transfer and regression);
     * {@code passed_twins}, the test twins of the dev items V1 passed. Beside {@code repair} it says whether a
     * dev failure tells anything about its node: if V1 gets a failed item's twin right as often as a passed
     * one's, the failures it is diagnosed by are not about what it knows, and no targeting can beat chance.
     */
    public record Focus(String version, Score repair, Score held_out, Score passed_twins) {
    }

    /**
     * One version's test accuracy split by whether an item shares a node (its chain, a statement or a
     * concept) with a round-1 patch target: the transfer the targeted repair claims shows as a larger gain
     * on {@code touching} than on {@code other}.
     */
    public record Transfer(String version, Score touching, Score other) {
    }

    /**
     * One model version with its scores and how it was trained; {@code general_bits_per_token} on the held-out
     * general text (null in reports written before it was measured).
     */
    public record Version(String name, String trained, Score dev, Score test, Score general,
            Map<String, Map<String, Score>> disciplines, Double general_bits_per_token) {
        static Version of(VersionScores scores, String trained) {
            return new Version(scores.name(), trained, scores.dev(), scores.test(), scores.general(),
                    scores.disciplines(), scores.generalBitsPerToken());
        }
    }

    /** The Markdown rendering written beside the JSON. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# proda cycle: ").append(project).append("\n\n");
        md.append("Student: ").append(student).append(". Seed ").append(seed)
                .append(". Accuracy = share of items whose most likely option (summed log-likelihood, lm-eval's acc) ")
                .append("is correct; acc_norm (per character) and the chance level in brackets.\n\n");
        md.append("| version | trained | dev | test | general | general bits/token |\n|---|---|---|---|---|---|\n");
        for (Version v : versions) {
            md.append("| ").append(v.name()).append(" | ").append(v.trained()).append(" | ").append(cell(v.dev()))
                    .append(" | ").append(cell(v.test())).append(" | ").append(cell(v.general())).append(" | ")
                    .append(v.general_bits_per_token() == null ? "–" : String.format(java.util.Locale.ROOT, "%.4f",
                            v.general_bits_per_token())).append(" |\n");
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
                    .append("Twins of passed items: the test twins of the dev items V1 passed. A repair rate of V1 "
                            + "near it means V1's dev failures say little about which nodes it does not know.\n\n")
                    .append("| version | repair rate | twins of passed items | held-out chains |\n|---|---|---|---|\n");
            focus.forEach(f -> md.append("| ").append(f.version()).append(" | ").append(cell(f.repair()))
                    .append(" | ").append(f.passed_twins() == null ? "–" : cell(f.passed_twins()))
                    .append(" | ").append(f.held_out().n() == 0 ? "no items" : cell(f.held_out())).append(" |\n"));
        }
        if (!rounds.isEmpty()) {
            md.append("\n## Rounds\n\n| round | dev failures | targets (patched before) | patch samples | test | "
                    + "repair rate on its failed twins |\n|---|---|---|---|---|---|\n");
            rounds.forEach(r -> md.append(String.format(java.util.Locale.ROOT,
                    "| %d (%s → %s) | %d | %d (%d) | %d | %.1f%% → %.1f%% | %.1f%% → %.1f%% of %d |%n", r.round(),
                    r.from(), r.to(), r.dev_failures(), r.targets(), r.repeated_targets(), r.patch_samples(),
                    100 * r.test_before().accuracy(), 100 * r.test_after().accuracy(),
                    100 * r.repair_before().accuracy(), 100 * r.repair_after().accuracy(), r.repair_after().n())));
        }
        if (!flags.isEmpty()) {
            md.append("\n## Flags\n\n");
            flags.forEach(f -> md.append("- ").append(f).append('\n'));
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

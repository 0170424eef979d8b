package dev.proda.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.proda.evaluate.Score;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Init;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.StudentEngine;
import dev.proda.text.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The same cycle over several seeds, so that a difference between versions can be told from noise. Each
 * seed is a whole project ({@code DIR/seed-S}: its own split, curriculum, samples, patches and training),
 * made from the same corpus and general text; the figures are means, sample standard deviations and
 * per-seed paired differences of test accuracy. A seed's project is reused when it exists, so a sweep
 * that was stopped resumes (finished stages are skipped, trained models reused).
 */
public final class SeedSweep {
    private SeedSweep() {
    }

    /** One figure over the seeds. */
    public record Stat(double mean, double sd, double min, double max, int n) {
        static Stat of(List<Double> values) {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Stat(round(mean), n > 1 ? round(Math.sqrt(ss / (n - 1))) : Double.NaN,
                    round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)),
                    round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)), n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f ± %.1f (%.1f … %.1f)", 100 * mean, 100 * sd, 100 * min,
                    100 * max);
        }
    }

    /** A paired difference over the seeds: mean, sample sd, and on how many seeds it was above zero. */
    public record Paired(double mean, double sd, int wins, int n) {
        static Paired of(List<Double> differences) {
            Stat stat = Stat.of(differences);
            return new Paired(stat.mean(), stat.sd(), (int) differences.stream().filter(d -> d > 0).count(),
                    differences.size());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.1f ± %.1f points, ahead on %d of %d seeds", 100 * mean, 100 * sd,
                    wins, n);
        }
    }

    /**
     * The sweep's figures (accuracies as fractions), under the names the protocol uses ({@code V0} … {@code V3},
     * {@code no_new_samples}, {@code untargeted_1x}, {@code untargeted_4x}): per version, test accuracy,
     * repair rate (accuracy on the test twins of the dev items V1 failed) beside the accuracy on the test twins of
     * the dev items V1 passed (equal for V1 when dev failures say nothing about the nodes), accuracy on the
     * held-out chains'
     * items and bits per token on the held-out general text; paired differences seed by seed ({@code V2-V1},
     * {@code V2-untargeted_1x}, …, {@code V3-V2}) on test and on the repair rate; and the gain over V1 on the
     * test items that share a node with a round-1 patch target.
     */
    public record Result(List<Long> seeds, String size, Map<String, Stat> test, Map<String, Stat> repair_rate,
            Map<String, Stat> passed_twins, Map<String, Stat> heldout_chains, Map<String, Stat> general_bits_per_token,
            Map<String, Paired> paired,
            Map<String, Paired> paired_repair_rate, Map<String, Stat> touching_gain_over_V1,
            List<CycleReport> reports) {
        public String markdown() {
            StringBuilder md = new StringBuilder("# proda seed sweep\n\nSeeds " + seeds + ", student size " + size
                    + ": each a whole cycle (own split, samples, patches, training). Accuracies in %, mean ± sample "
                    + "sd (min … max); repair rate = accuracy on the test twins of the dev items V1 failed; twins of "
                    + "passed = on the test twins of the dev items V1 passed.\n\n"
                    + "| version | test | repair rate | twins of passed | held-out chains | general bits/token |\n"
                    + "|---|---|---|---|---|---|\n");
            test.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" | ")
                    .append(cell(repair_rate.get(v))).append(" | ").append(cell(passed_twins.get(v))).append(" | ")
                    .append(cell(heldout_chains.get(v))).append(" | ")
                    .append(general_bits_per_token.containsKey(v) ? String.format(Locale.ROOT, "%.4f ± %.4f",
                            general_bits_per_token.get(v).mean(), general_bits_per_token.get(v).sd()) : "–")
                    .append(" |\n"));
            md.append("\n| paired difference | test | repair rate |\n|---|---|---|\n");
            paired.forEach((k, p) -> md.append("| ").append(k).append(" | ").append(p).append(" | ")
                    .append(paired_repair_rate.containsKey(k) ? paired_repair_rate.get(k).toString() : "–")
                    .append(" |\n"));
            md.append("\nGain over V1 on the test items that share a node with a round-1 patch target:\n\n"
                    + "| version | gain, points |\n|---|---|\n");
            touching_gain_over_V1.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" |\n"));
            for (CycleReport report : reports) {
                report.flags().forEach(f -> md.append("\n- seed ").append(report.seed()).append(": ").append(f));
            }
            return md.append('\n').toString();
        }

        private static String cell(Stat stat) {
            return stat == null ? "–" : stat.toString();
        }

        /** One JSON line of the headline figures. */
        public String jsonLine() {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seeds", seeds);
            line.put("size", size);
            test.forEach((v, s) -> line.put("test_" + v, s.mean()));
            test.forEach((v, s) -> line.put("test_sd_" + v, s.sd()));
            repair_rate.forEach((v, s) -> line.put("repair_rate_" + v, s.mean()));
            general_bits_per_token.forEach((v, s) -> line.put("general_bits_per_token_" + v, s.mean()));
            paired.forEach((k, p) -> line.put("paired_" + k, p.mean()));
            paired.forEach((k, p) -> line.put("paired_sd_" + k, p.sd()));
            paired_repair_rate.forEach((k, p) -> line.put("paired_repair_rate_" + k, p.mean()));
            paired_repair_rate.forEach((k, p) -> line.put("paired_repair_rate_sd_" + k, p.sd()));
            try {
                return Json.MAPPER.writeValueAsString(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The protocol's name of a cycle version: controls lose their "V2-" prefix. */
    static String protocolName(String version) {
        return switch (version) {
            case "V2-no-new-samples" -> "no_new_samples";
            case "V2-untargeted" -> "untargeted_1x";
            default -> version.startsWith("V2-untargeted-") ? "untargeted_" + version.substring(14) : version;
        };
    }

    /**
     * Runs (or resumes) the cycle for each seed under {@code dir} and summarises them; writes
     * {@code dir/sweep.json} and {@code dir/sweep.md}. Each new project gets {@code template}'s settings
     * (the defaults when null) with its own seed.
     */
    public static Result run(Path dir, Path corpus, Path general, ProdaConfig template, List<Long> seeds, int rounds,
            Function<ProdaConfig, StudentEngine> engines, Embedder embedder, Log log) {
        if (seeds.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("a sweep needs at least one seed and one repair round");
        }
        List<CycleReport> reports = new ArrayList<>();
        for (long seed : seeds) {
            ProjectLayout layout = new ProjectLayout(dir.resolve("seed-" + seed));
            if (!layout.exists()) {
                Init.create(layout, corpus, general, log);
                (template != null ? template : ProdaConfig.read(layout.config())).withSeed(seed).write(layout.config());
            }
            ProdaConfig config = ProdaConfig.read(layout.config());
            if (config.seed() != seed) {
                throw new ProdaFileException(layout.config() + " has seed " + config.seed() + ", not " + seed
                        + "; move that folder away");
            }
            if (template != null && !config.student().size().equals(template.student().size())) {
                throw new ProdaFileException(layout.config() + " has student size " + config.student().size()
                        + ", not " + template.student().size() + "; sweep each size into its own folder");
            }
            log.info("sweep: seed " + seed + " (" + (reports.size() + 1) + " of " + seeds.size() + ") in "
                    + layout.root());
            reports.add(new Cycle(layout, engines.apply(config), embedder, log).run(rounds, false));
        }
        Result result = summarise(seeds, reports, reports.isEmpty() ? "?" : ProdaConfig.read(
                new ProjectLayout(dir.resolve("seed-" + seeds.get(0))).config()).student().size());
        AtomicFiles.writeJson(dir.resolve("sweep.json"), result);
        AtomicFiles.writeString(dir.resolve("sweep.md"), result.markdown());
        return result;
    }

    /** The pairs the protocol judges by: each first version minus the second, seed by seed. */
    static final List<List<String>> PAIRS = List.of(List.of("V2", "V1"), List.of("V2", "no_new_samples"),
            List.of("V2", "untargeted_1x"), List.of("V2", "untargeted_4x"), List.of("V3", "V2"),
            List.of("untargeted_4x", "untargeted_1x"));

    /** The figures over the seeds' reports (versions that some report lacks are left out). */
    static Result summarise(List<Long> seeds, List<CycleReport> reports, String size) {
        Map<String, List<Double>> test = new LinkedHashMap<>();
        Map<String, List<Double>> bits = new LinkedHashMap<>();
        for (CycleReport.Version v : reports.get(0).versions()) {
            List<Double> values = new ArrayList<>();
            List<Double> bitValues = new ArrayList<>();
            for (CycleReport report : reports) {
                report.versions().stream().filter(w -> w.name().equals(v.name())).findFirst().ifPresent(w -> {
                    values.add(w.test().accuracy());
                    if (w.general_bits_per_token() != null) {
                        bitValues.add(w.general_bits_per_token());
                    }
                });
            }
            if (values.size() == reports.size()) {
                test.put(protocolName(v.name()), values);
            }
            if (bitValues.size() == reports.size()) {
                bits.put(protocolName(v.name()), bitValues);
            }
        }
        Map<String, Stat> touching = new LinkedHashMap<>();
        for (String version : List.of("V2", "V2-untargeted", "V2-untargeted-4x", "V2-no-new-samples")) {
            List<Double> gains = new ArrayList<>();
            for (CycleReport report : reports) {
                Score v1 = touching(report, "V1");
                Score v = touching(report, version);
                if (v1 != null && v != null) {
                    gains.add(v.accuracy() - v1.accuracy());
                }
            }
            if (gains.size() == reports.size()) {
                touching.put(protocolName(version), Stat.of(gains));
            }
        }
        Map<String, List<Double>> repair = perVersion(reports, CycleReport.Focus::repair);
        Map<String, List<Double>> heldOut = perVersion(reports, CycleReport.Focus::held_out);
        Map<String, List<Double>> passed = perVersion(reports, CycleReport.Focus::passed_twins);
        return new Result(List.copyOf(seeds), size, stats(test), stats(repair), stats(passed), stats(heldOut),
                stats(bits), paired(test), paired(repair), touching, List.copyOf(reports));
    }

    private static Map<String, Stat> stats(Map<String, List<Double>> values) {
        Map<String, Stat> stats = new LinkedHashMap<>();
        values.forEach((v, list) -> stats.put(v, Stat.of(list)));
        return stats;
    }

    /** For each of {@link #PAIRS} that {@code values} holds: the first minus the second, seed by seed. */
    private static Map<String, Paired> paired(Map<String, List<Double>> values) {
        Map<String, Paired> paired = new LinkedHashMap<>();
        for (List<String> pair : PAIRS) {
            List<Double> a = values.get(pair.get(0));
            List<Double> b = values.get(pair.get(1));
            if (a != null && b != null) {
                List<Double> differences = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    differences.add(a.get(i) - b.get(i));
                }
                paired.put(pair.get(0) + "-" + pair.get(1), Paired.of(differences));
            }
        }
        return paired;
    }

    /** A focus score per version over the seeds; versions that some seed lacks, or scores on no items, left out. */
    private static Map<String, List<Double>> perVersion(List<CycleReport> reports,
            Function<CycleReport.Focus, Score> which) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (CycleReport.Focus focus : reports.get(0).focus()) {
            List<Double> list = new ArrayList<>();
            for (CycleReport report : reports) {
                report.focus().stream().filter(f -> f.version().equals(focus.version())).map(which)
                        .filter(score -> score != null && score.n() > 0).findFirst()
                        .ifPresent(score -> list.add(score.accuracy()));
            }
            if (list.size() == reports.size()) {
                values.put(protocolName(focus.version()), list);
            }
        }
        return values;
    }

    private static Score touching(CycleReport report, String version) {
        return report.transfer().stream().filter(t -> t.version().equals(version)).map(CycleReport.Transfer::touching)
                .findFirst().orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

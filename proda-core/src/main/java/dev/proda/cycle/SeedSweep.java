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
    /** The versions every difference is taken against V2 for. */
    static final List<String> BASELINES = List.of("V1", "V2-no-new-samples", "V2-untargeted", "V2-untargeted-4x");

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

    /**
     * The sweep's figures (accuracies as fractions): per version, test accuracy; per baseline, V2's test
     * accuracy minus the baseline's on the same seed, and on how many seeds V2 was ahead; and the gain over
     * V1 on the test items that share a node with a patch target, for V2 and for the untargeted control;
     * per version, the repair rate (accuracy on the test twins of the dev items V1 failed), V2's paired
     * difference to each baseline on it, and accuracy on the held-out chains' items.
     */
    public record Result(List<Long> seeds, Map<String, Stat> test, Map<String, Stat> v2Minus,
            Map<String, Integer> v2AheadOn, Map<String, Stat> touchingGainOverV1, Map<String, Stat> repairRate,
            Map<String, Stat> v2MinusOnRepair, Map<String, Stat> heldOut, List<CycleReport> reports) {
        public String markdown() {
            StringBuilder md = new StringBuilder("# proda seed sweep\n\nSeeds " + seeds + ": each a whole cycle "
                    + "(own split, samples, patches, training). Test accuracy in %, mean ± sample sd (min … max).\n\n"
                    + "| version | test accuracy |\n|---|---|\n");
            test.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" |\n"));
            md.append("\n| V2 minus | paired difference, points | V2 ahead on |\n|---|---|---|\n");
            v2Minus.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" | ")
                    .append(v2AheadOn.get(v)).append(" of ").append(s.n()).append(" seeds |\n"));
            md.append("\nGain over V1 on the test items that share a node with a round-1 patch target:\n\n"
                    + "| version | gain, points |\n|---|---|\n");
            touchingGainOverV1.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" |\n"));
            if (!repairRate.isEmpty()) {
                md.append("\nRepair rate (accuracy on the test twins of the dev items V1 failed) and held-out chains:\n\n"
                        + "| version | repair rate | V2 minus it, points | held-out chains |\n|---|---|---|---|\n");
                repairRate.forEach((v, s) -> md.append("| ").append(v).append(" | ").append(s).append(" | ")
                        .append(v2MinusOnRepair.containsKey(v) ? v2MinusOnRepair.get(v).toString() : "–").append(" | ")
                        .append(heldOut.containsKey(v) ? heldOut.get(v).toString() : "no items").append(" |\n"));
            }
            return md.toString();
        }

        /** One JSON line of the headline figures. */
        public String jsonLine() {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seeds", seeds);
            test.forEach((v, s) -> line.put("test_" + key(v), s.mean()));
            test.forEach((v, s) -> line.put("test_sd_" + key(v), s.sd()));
            v2Minus.forEach((v, s) -> line.put("v2_minus_" + key(v), s.mean()));
            v2Minus.forEach((v, s) -> line.put("v2_minus_sd_" + key(v), s.sd()));
            repairRate.forEach((v, s) -> line.put("repair_rate_" + key(v), s.mean()));
            v2MinusOnRepair.forEach((v, s) -> line.put("repair_v2_minus_" + key(v), s.mean()));
            try {
                return Json.MAPPER.writeValueAsString(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String key(String version) {
            return version.toLowerCase(Locale.ROOT).replace('-', '_');
        }
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
            log.info("sweep: seed " + seed + " (" + (reports.size() + 1) + " of " + seeds.size() + ") in "
                    + layout.root());
            reports.add(new Cycle(layout, engines.apply(config), embedder, log).run(rounds, false));
        }
        Result result = summarise(seeds, reports);
        try {
            AtomicFiles.writeString(dir.resolve("sweep.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AtomicFiles.writeString(dir.resolve("sweep.md"), result.markdown());
        return result;
    }

    /** The figures over the seeds' reports (versions that some report lacks are left out). */
    static Result summarise(List<Long> seeds, List<CycleReport> reports) {
        Map<String, List<Double>> test = new LinkedHashMap<>();
        for (CycleReport.Version v : reports.get(0).versions()) {
            List<Double> values = new ArrayList<>();
            for (CycleReport report : reports) {
                score(report, v.name()).ifPresent(s -> values.add(s.accuracy()));
            }
            if (values.size() == reports.size()) {
                test.put(v.name(), values);
            }
        }
        Map<String, Stat> testStats = new LinkedHashMap<>();
        test.forEach((v, values) -> testStats.put(v, Stat.of(values)));
        Map<String, Stat> minus = new LinkedHashMap<>();
        Map<String, Integer> ahead = new LinkedHashMap<>();
        v2Differences(test).forEach((baseline, differences) -> {
            minus.put(baseline, Stat.of(differences));
            ahead.put(baseline, (int) differences.stream().filter(d -> d > 0).count());
        });
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
                touching.put(version, Stat.of(gains));
            }
        }
        Map<String, List<Double>> repair = perVersion(reports, CycleReport.Focus::repair);
        Map<String, List<Double>> heldOut = perVersion(reports, CycleReport.Focus::held_out);
        Map<String, Stat> repairStats = new LinkedHashMap<>();
        repair.forEach((v, values) -> repairStats.put(v, Stat.of(values)));
        Map<String, Stat> repairMinus = new LinkedHashMap<>();
        v2Differences(repair).forEach((baseline, differences) -> repairMinus.put(baseline, Stat.of(differences)));
        Map<String, Stat> heldOutStats = new LinkedHashMap<>();
        heldOut.forEach((v, values) -> heldOutStats.put(v, Stat.of(values)));
        return new Result(List.copyOf(seeds), testStats, minus, ahead, touching, repairStats, repairMinus,
                heldOutStats, List.copyOf(reports));
    }

    /** Per baseline that {@code values} holds beside V2: V2's value minus the baseline's, seed by seed. */
    private static Map<String, List<Double>> v2Differences(Map<String, List<Double>> values) {
        Map<String, List<Double>> differences = new LinkedHashMap<>();
        for (String baseline : BASELINES) {
            if (values.containsKey(baseline) && values.containsKey("V2")) {
                List<Double> perSeed = new ArrayList<>();
                for (int i = 0; i < values.get("V2").size(); i++) {
                    perSeed.add(values.get("V2").get(i) - values.get(baseline).get(i));
                }
                differences.put(baseline, perSeed);
            }
        }
        return differences;
    }

    /** A focus score per version over the seeds; versions that some seed lacks, or scores on no items, left out. */
    private static Map<String, List<Double>> perVersion(List<CycleReport> reports,
            Function<CycleReport.Focus, Score> which) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (CycleReport.Focus focus : reports.get(0).focus()) {
            List<Double> list = new ArrayList<>();
            for (CycleReport report : reports) {
                report.focus().stream().filter(f -> f.version().equals(focus.version())).map(which)
                        .filter(score -> score.n() > 0).findFirst().ifPresent(score -> list.add(score.accuracy()));
            }
            if (list.size() == reports.size()) {
                values.put(focus.version(), list);
            }
        }
        return values;
    }

    private static Optional<Score> score(CycleReport report, String version) {
        return report.versions().stream().filter(v -> v.name().equals(version)).map(CycleReport.Version::test)
                .findFirst();
    }

    private static Score touching(CycleReport report, String version) {
        return report.transfer().stream().filter(t -> t.version().equals(version)).map(CycleReport.Transfer::touching)
                .findFirst().orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}

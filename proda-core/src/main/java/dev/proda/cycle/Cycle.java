package dev.proda.cycle;

import dev.proda.build.Build;
import dev.proda.compile.Compile;
import dev.proda.debug.Debug;
import dev.proda.evaluate.Evaluate;
import dev.proda.evaluate.Score;
import dev.proda.evaluate.VersionScores;
import dev.proda.extract.Extract;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Failure;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.TestItem;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.repair.Repair;
import dev.proda.student.StudentEngine;
import dev.proda.tester.Tests;
import dev.proda.text.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The lifecycle, in order, for a number of repair rounds; writes the cycle report. */
public final class Cycle {
    private final ProjectLayout layout;
    private final ProdaConfig config;
    private final StudentEngine engine;
    private final Embedder embedder;
    private final Log log;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** A cycle on one project, with the student engine it trains and the embedder the Tester ranks with. */
    public Cycle(ProjectLayout layout, StudentEngine engine, Embedder embedder, Log log) {
        this.layout = layout;
        this.config = ProdaConfig.read(layout.config());
        this.engine = engine;
        this.embedder = embedder;
        this.log = log;
    }

    /**
     * Runs the loop; extract, build and tests are skipped when proda.lock shows their inputs unchanged,
     * unless {@code force}.
     */
    public CycleReport run(int rounds, boolean force) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be ≥ 0: " + rounds);
        }
        KnowledgeBase kb = timed("extract", () -> Extract.run(layout, config, log, force));
        List<Sample> samples = timed("build", () -> Build.run(layout, config, engine, log, force));
        Tests.Benchmark benchmark = timed("tests", () -> Tests.run(layout, config,
                Tests.Tools.of(layout, config, engine, embedder, log), log, force));
        if (benchmark.dev().isEmpty() || benchmark.test().isEmpty()) {
            throw new ProdaFileException("the corpus gave too little knowledge for a benchmark ("
                    + benchmark.dev().size() + " dev, " + benchmark.test().size() + " test items); add documents "
                    + "with more explanatory prose");
        }
        List<CycleReport.Version> versions = new ArrayList<>();
        timed("compile V0", () -> compile(layout, config, engine, 0, log));
        versions.add(CycleReport.Version.of(timed("test V0", () -> Evaluate.run(layout, "V0", engine, log)),
                engine.trainsBase() ? "pretrained on the general text"
                        : engine.name() + ", as it is (not trained here)"));
        ProdaConfig.Student student = config.student();
        if (engine.cannotFinetune() != null) {
            return handOver(kb, samples, benchmark, versions, rounds);
        }
        Training first = training(layout, config, 1);
        timed("compile V1", () -> compile(layout, config, engine, first, log));
        versions.add(CycleReport.Version.of(timed("test V1", () -> Evaluate.run(layout, "V1", engine, log)),
                Compile.learningCurve(layout, "V1").map(c -> "V0 + Builder samples, " + c.summary())
                        .orElse(first.description())));

        Set<String> failedTwins = new HashSet<>();
        Set<String> passedTwins = new HashSet<>();
        List<Set<String>> failedTwinsByRound = new ArrayList<>();
        List<RoundWork> work = new ArrayList<>();
        int failures = 0;
        int patches = 0;
        int patchSamples = 0;
        int rejected = 0;
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            String from = "V" + round;
            String to = "V" + (round + 1);
            List<Failure> found = timed("debug round " + r, () -> Debug.run(layout, config, engine, from, r, log));
            failures += found.size();
            Set<String> failed = new HashSet<>();
            found.forEach(f -> failed.add(f.item()));
            Set<String> twins = new HashSet<>();
            benchmark.dev().stream().filter(i -> failed.contains(i.id()) && i.twin_id() != null)
                    .forEach(i -> twins.add(i.twin_id()));
            failedTwinsByRound.add(twins);
            if (round == 1) {
                failedTwins.addAll(twins);
                benchmark.dev().stream().filter(i -> !failed.contains(i.id()) && i.twin_id() != null)
                        .forEach(i -> passedTwins.add(i.twin_id()));
            }
            Repair.Outcome outcome = timed("repair round " + r, () -> Repair.run(layout, config, r, log));
            work.add(new RoundWork(found.size(), outcome));
            patches += outcome.patches().size();
            patchSamples += outcome.samples();
            rejected += outcome.rejected();
            Training next = training(layout, config, round + 1);
            timed("compile " + to, () -> compile(layout, config, engine, next, log));
            VersionScores scores = timed("test " + to, () -> Evaluate.run(layout, to, engine, log));
            versions.add(CycleReport.Version.of(scores, next.description()));
            if (round == 1) {
                versions.addAll(controls(samples));
            }
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("concepts", kb.concepts().size());
        counts.put("statements", kb.statements().size());
        counts.put("chains", kb.chains().size());
        counts.put("samples", samples.size());
        counts.put("items", benchmark.dev().size() + benchmark.test().size() + benchmark.general().size());
        counts.put("dev_items", benchmark.dev().size());
        counts.put("test_items", benchmark.test().size());
        counts.put("general_items", benchmark.general().size());
        counts.put("failures", failures);
        counts.put("patches", patches);
        counts.put("patch_samples", patchSamples);
        counts.put("patch_samples_rejected", rejected);
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        seconds.put("total", Math.round(total * 10) / 10.0);
        List<String> notes = new ArrayList<>(List.of(
                "every tested node has twin items of two forms, one in dev and one in test; held-out chains are in test "
                        + "only; diagnosis and repair read dev only",
                "V(n+1) is fine-tuned from V(n) on the Builder samples plus all patch samples so far",
                "controls start from V1 with the same epochs: Builder samples only, or plus untargeted samples in "
                        + "the patch skills about random dev-visible nodes, 1× or 4× as many as the patches",
                "repair rate: accuracy on the test twins of the dev items that V1 failed in round 1",
                "general bits/token: negative log2-likelihood per token of the first " + Evaluate.BITS_LINES
                        + " held-out general lines (never pretrained on), each scored alone; a round that raises it "
                        + "more than 1% is flagged",
                "chance is the expected accuracy of a uniform random pick"));
        Compile.learningCurve(layout, "V1").ifPresent(curve -> notes.add("V1 learning curve (mean training answer loss, "
                + "nats per token; target/reports/learning-curve-V1.json): " + Compile.compact(curve, 8)));
        List<CycleReport.Round> roundRows = rounds(versions, benchmark.test(), failedTwinsByRound, work);
        CycleReport report = new CycleReport(config.name(), config.seed(), engine.name() + " " + student.layers()
                + " layers × " + student.width() + " wide, context " + student.context(), versions,
                rounds > 0 ? transfer(versions, benchmark.test()) : List.of(),
                focus(versions, benchmark.test(), failedTwins, passedTwins), roundRows, flags(versions, roundRows),
                counts, seconds, notes);
        write(report);
        return report;
    }

    /**
     * A student proda cannot train (a model behind an endpoint): V0 as it is is diagnosed on dev and repaired
     * (round 1), and the cycle ends there, handing the training set to the user's trainer.
     */
    private CycleReport handOver(KnowledgeBase kb, List<Sample> samples, Tests.Benchmark benchmark,
            List<CycleReport.Version> versions, int rounds) {
        int failures = 0;
        int patches = 0;
        int patchSamples = 0;
        if (rounds > 0) {
            List<Failure> found = timed("debug round 1", () -> Debug.run(layout, config, engine, "V0", 1, log));
            Repair.Outcome outcome = timed("repair round 1", () -> Repair.run(layout, config, 1, log));
            failures = found.size();
            patches = outcome.patches().size();
            patchSamples = outcome.samples();
        }
        log.info("cycle: " + engine.cannotFinetune());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("concepts", kb.concepts().size());
        counts.put("statements", kb.statements().size());
        counts.put("chains", kb.chains().size());
        counts.put("samples", samples.size());
        counts.put("dev_items", benchmark.dev().size());
        counts.put("test_items", benchmark.test().size());
        counts.put("failures", failures);
        counts.put("patches", patches);
        counts.put("patch_samples", patchSamples);
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        seconds.put("total", Math.round(total * 10) / 10.0);
        List<String> notes = List.of("V0 is " + engine.name() + ", a model proda does not train: it was diagnosed on "
                        + "dev and repaired as it is (round 1); no V1 or controls were trained here",
                "train it on the Builder samples and the patches ('proda export sft'), serve the result, and score it "
                        + "with 'proda test --endpoint URL --endpoint-model NAME' on the same benchmark");
        CycleReport report = new CycleReport(config.name(), config.seed(), engine.name(), versions, List.of(),
                List.of(), List.of(), List.of(), counts, seconds, notes);
        write(report);
        return report;
    }

    /**
     * How a fine-tuned version is trained: from which version, on which samples, with which schedule. The
     * one statement of the phase order for V1, V2, …: the CLI's {@code compile} and the cycle both use it.
     */
    public record Training(String from, String to, List<Sample> samples, int epochs, double learningRate,
            Compile.Criterion criterion, String description) {
        public Training {
            samples = List.copyOf(samples);
        }
    }

    /**
     * V1 = V0 + the Builder samples, at the fine-tuning schedule; Vn (n ≥ 2) = V(n-1) + the Builder samples
     * and the patches of rounds 1 … n-1, at the repair schedule. The Builder samples are replayed beside the
     * patches so that a repair does not erase what V1 learned.
     */
    public static Training training(ProjectLayout layout, ProdaConfig config, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("V" + version + " is not fine-tuned");
        }
        ProdaConfig.Student student = config.student();
        List<Sample> samples = new ArrayList<>(Build.readSamples(layout));
        if (version == 1) {
            // V1 must know its samples before its failures say anything about missing knowledge.
            Compile.Criterion knowsItsSamples = new Compile.Criterion(student.finetuneTargetLoss(),
                    student.finetuneMaxEpochs(), 10, student.repairLearningRate());
            return new Training("V0", "V1", samples, student.finetuneEpochs(), student.finetuneLearningRate(),
                    knowsItsSamples, "V0 + Builder samples, " + student.finetuneEpochs() + "+ epochs until training "
                            + "answer loss ≤ " + student.finetuneTargetLoss() + " (at most " + student.finetuneMaxEpochs()
                            + ")");
        }
        int rounds = version - 1;
        for (int round = 1; round <= rounds; round++) {
            if (!java.nio.file.Files.isRegularFile(layout.patchRound(round).resolve("patches.jsonl"))) {
                int done = round - 1;
                throw new dev.proda.io.ProdaFileException("V" + version + " is V" + rounds + " trained on the patches "
                        + "of repair rounds 1–" + rounds + ", but round " + round + " has none yet ("
                        + layout.root().relativize(layout.patchRound(round)) + "/patches.jsonl is missing); "
                        + "V" + (done + 1) + " is the latest its patches allow: compile it, then run 'proda debug "
                        + "--model V" + (done + 1) + "' and 'proda repair --round " + round + "'");
            }
        }
        samples.addAll(Repair.samplesUpTo(layout, rounds));
        return new Training("V" + rounds, "V" + version, samples, student.repairEpochs(), student.repairLearningRate(),
                null, "V" + rounds + " + Builder samples and patches of rounds 1–" + rounds + ", " + student.repairEpochs()
                        + " epochs");
    }

    /** Compiles version {@code n}: V0 is pretrained on the general text, later versions as {@link #training} says. */
    public static Path compile(ProjectLayout layout, ProdaConfig config, StudentEngine engine, int version, Log log) {
        return version == 0 ? Compile.base(layout, config, engine, log)
                : compile(layout, config, engine, training(layout, config, version), log);
    }

    private static Path compile(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Training training,
            Log log) {
        return Compile.finetune(layout, config, engine, training.from(), training.to(), training.samples(),
                training.epochs(), training.learningRate(), training.criterion(), log);
    }

    /** Each version's test accuracy on the items sharing a node with a round-1 patch target, and on the rest. */
    private List<CycleReport.Transfer> transfer(List<CycleReport.Version> versions, List<TestItem> test) {
        Set<String> targets = new HashSet<>();
        Jsonl.read(layout.patchRound(1).resolve("patches.jsonl"), Patch.class).forEach(p -> targets.add(p.target()));
        Predicate<TestItem> touching = item -> targets.contains(item.chain_id())
                || item.statement_ids().stream().anyMatch(targets::contains)
                || item.concept_ids().stream().anyMatch(targets::contains);
        List<CycleReport.Transfer> rows = new ArrayList<>();
        for (CycleReport.Version version : versions) {
            Map<Boolean, Score> scores = Evaluate.testScores(layout, version.name(), test, touching);
            rows.add(new CycleReport.Transfer(version.name(), scores.get(true), scores.get(false)));
        }
        return rows;
    }

    /**
     * Each version on the test twins of round 1's failed dev items, on the held-out chains' items, and on the
     * test twins of round 1's passed dev items.
     */
    private List<CycleReport.Focus> focus(List<CycleReport.Version> versions, List<TestItem> test,
            Set<String> failedTwins, Set<String> passedTwins) {
        List<CycleReport.Focus> rows = new ArrayList<>();
        for (CycleReport.Version version : versions) {
            List<Score> scores = Evaluate.testScores(layout, version.name(), test,
                    List.of(i -> failedTwins.contains(i.id()), i -> Boolean.TRUE.equals(i.held_out()),
                            i -> passedTwins.contains(i.id())));
            rows.add(new CycleReport.Focus(version.name(), scores.get(0), scores.get(1), scores.get(2)));
        }
        return rows;
    }

    /** What one repair round found and wrote. */
    private record RoundWork(int failures, Repair.Outcome outcome) {
    }

    /**
     * Per repair round: what it diagnosed and wrote, test accuracy before and after, and the round's own repair
     * rate (the test twins of the dev items that failed at its start) before and after. A round that adds
     * nothing shows why: few failures left, targets already patched before, or twins that stay failed.
     */
    private List<CycleReport.Round> rounds(List<CycleReport.Version> versions, List<TestItem> test,
            List<Set<String>> failedTwinsByRound, List<RoundWork> work) {
        List<CycleReport.Round> rows = new ArrayList<>();
        Set<String> earlierTargets = new HashSet<>();
        for (int round = 1; round <= work.size(); round++) {
            String from = "V" + round;
            String to = "V" + (round + 1);
            Set<String> twins = failedTwinsByRound.get(round - 1);
            Predicate<TestItem> twin = i -> twins.contains(i.id());
            Score before = Evaluate.testScores(layout, from, test, List.of(twin)).get(0);
            Score after = Evaluate.testScores(layout, to, test, List.of(twin)).get(0);
            Set<String> targets = new HashSet<>();
            work.get(round - 1).outcome().patches().forEach(p -> targets.add(p.target()));
            int repeated = (int) targets.stream().filter(earlierTargets::contains).count();
            earlierTargets.addAll(targets);
            rows.add(new CycleReport.Round(round, from, to, work.get(round - 1).failures(), targets.size(), repeated,
                    work.get(round - 1).outcome().samples(), score(versions, from), score(versions, to), before,
                    after));
        }
        return rows;
    }

    private static Score score(List<CycleReport.Version> versions, String name) {
        return versions.stream().filter(v -> v.name().equals(name)).map(CycleReport.Version::test).findFirst()
                .orElseThrow();
    }

    /** Relative rise of general bits per token that flags a version: it forgot general language. */
    static final double GENERAL_BITS_TOLERANCE = 0.01;

    /**
     * Warnings for the reader: V1, or a round's version, needing more than 1% more bits per token on the held-out
     * general text than the version it started from, and a round that did not raise test accuracy.
     */
    private static List<String> flags(List<CycleReport.Version> versions, List<CycleReport.Round> rounds) {
        List<String> flags = new ArrayList<>();
        Double base = bits(versions, "V0");
        Double first = bits(versions, "V1");
        if (base != null && first != null && first > base * (1 + GENERAL_BITS_TOLERANCE)) {
            flags.add(String.format(java.util.Locale.ROOT, "V1 forgot general text: bits per token %.4f -> %.4f "
                    + "(+%.0f%%) after fine-tuning on the Builder samples alone", base, first, 100 * (first / base - 1)));
        }
        for (CycleReport.Round round : rounds) {
            Double before = bits(versions, round.from());
            Double after = bits(versions, round.to());
            if (before != null && after != null && after > before * (1 + GENERAL_BITS_TOLERANCE)) {
                flags.add(String.format(java.util.Locale.ROOT, "round %d: general bits per token rose %.1f%% "
                        + "(%s %.4f -> %s %.4f), more than %.0f%%", round.round(), 100 * (after / before - 1),
                        round.from(), before, round.to(), after, 100 * GENERAL_BITS_TOLERANCE));
            }
            if (round.test_after().accuracy() <= round.test_before().accuracy()) {
                flags.add(String.format(java.util.Locale.ROOT, "round %d added nothing on test (%s %.1f%% -> %s "
                        + "%.1f%%): %d dev failures, %d patch targets (%d patched in an earlier round), repair rate "
                        + "on its twins %.1f%% -> %.1f%%", round.round(), round.from(),
                        100 * round.test_before().accuracy(), round.to(), 100 * round.test_after().accuracy(),
                        round.dev_failures(), round.targets(), round.repeated_targets(),
                        100 * round.repair_before().accuracy(), 100 * round.repair_after().accuracy()));
            }
        }
        return flags;
    }

    private static Double bits(List<CycleReport.Version> versions, String name) {
        return versions.stream().filter(v -> v.name().equals(name)).map(CycleReport.Version::general_bits_per_token)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The first round's controls: same start (V1), same epochs, different extra data. */
    private List<CycleReport.Version> controls(List<Sample> samples) {
        List<CycleReport.Version> versions = new ArrayList<>();
        ProdaConfig.Student student = config.student();
        if (config.controls().noNewSamples()) {
            String name = "V2-no-new-samples";
            timed("compile " + name, () -> Compile.finetune(layout, config, engine, "V1", name, samples,
                    student.repairEpochs(), student.repairLearningRate(), log));
            versions.add(CycleReport.Version.of(timed("test " + name, () -> Evaluate.run(layout, name, engine, log)),
                    "control: V1 + Builder samples only, " + student.repairEpochs() + " epochs"));
        }
        for (int multiple : config.controls().untargeted() ? config.controls().untargetedMultiples() : List.<Integer>of()) {
            String name = untargetedName(multiple);
            List<Sample> training = new ArrayList<>(samples);
            training.addAll(timed("repair round 1 control " + multiple + "x",
                    () -> Repair.untargetedControl(layout, config, 1, multiple, log)));
            timed("compile " + name, () -> Compile.finetune(layout, config, engine, "V1", name, training,
                    student.repairEpochs(), student.repairLearningRate(), log));
            versions.add(CycleReport.Version.of(timed("test " + name, () -> Evaluate.run(layout, name, engine, log)),
                    "control: V1 + Builder samples + " + (multiple == 1 ? "as many" : multiple + "× as many")
                            + " untargeted samples as patches, " + student.repairEpochs() + " epochs"));
        }
        return versions;
    }

    /** The control's version name: {@code V2-untargeted} at the patch budget, {@code V2-untargeted-4x} at 4×. */
    public static String untargetedName(int multiple) {
        return multiple == 1 ? "V2-untargeted" : "V2-untargeted-" + multiple + "x";
    }

    private void write(CycleReport report) {
        AtomicFiles.writeJson(layout.reports().resolve("cycle.json"), report);
        AtomicFiles.writeString(layout.reports().resolve("cycle.md"), report.markdown());
        log.info("cycle: report at " + layout.reports().resolve("cycle.md"));
    }

    private <T> T timed(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        seconds.put(stage, Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        return result;
    }
}

package dev.proda.tester;

import dev.proda.curriculum.CorpusEvidence;
import dev.proda.compile.Compile;
import dev.proda.compile.PromptFormat;
import dev.proda.curriculum.Curriculum;
import dev.proda.extract.KnowledgeBase;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Jsonl;
import dev.proda.io.ProdaFileException;
import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Records;
import dev.proda.model.TestItem;
import dev.proda.project.GeneralText;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.Continuation;
import dev.proda.student.StudentEngine;
import dev.proda.student.TokenCounter;
import dev.proda.teacher.llm.LlmItemWriter;
import dev.proda.text.Embedder;
import dev.proda.text.Terms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Stage {@code tests}: writes {@code tests/dev.jsonl}, {@code tests/test.jsonl}, {@code tests/general.jsonl}
 * and {@code tests/report.json}. Fails when an option-only baseline beats chance by more than five
 * points or an item does not fit the student's context.
 */
public final class Tests {
    private Tests() {
    }

    /** The three splits. */
    public record Benchmark(List<TestItem> dev, List<TestItem> test, List<TestItem> general) {
        /** The splits, refused if the tests stage that wrote them did not finish (or failed its checks). */
        public static Benchmark read(ProjectLayout layout) {
            Lock.requireComplete(layout, layout.tests());
            return new Benchmark(Jsonl.read(layout.split("dev"), TestItem.class),
                    Jsonl.read(layout.split("test"), TestItem.class),
                    Jsonl.read(layout.split("general"), TestItem.class));
        }

        public List<TestItem> all() {
            List<TestItem> all = new ArrayList<>(dev);
            all.addAll(test);
            all.addAll(general);
            return all;
        }
    }

    /**
     * What the stage measures with: the student's token counter (made only when the stage runs) and
     * the embedder that ranks distractors.
     */
    public record Tools(Supplier<TokenCounter> tokens, Embedder embedder) {
        /** The project's student tokenizer, as V0 will have it, made with its progress shown on {@code log}. */
        public static Tools of(ProjectLayout layout, ProdaConfig config, StudentEngine engine, Embedder embedder,
                Log log) {
            return new Tools(() -> Compile.tokenCounter(layout, config, engine, log, "tests"), embedder);
        }
    }

    /** The stage, skipped when proda.lock shows its inputs and tests/ as it left them. */
    public static Benchmark run(ProjectLayout layout, ProdaConfig config, Tools tools, Log log, boolean force) {
        // The corpus is an input too: with the general text it makes the tokenizer that counts the context.
        List<Path> inputs = List.of(layout.kb(), layout.general(), layout.corpus(), layout.config());
        if (Lock.upToDate(layout, "tests", inputs, List.of(layout.tests()), force, log)) {
            return Benchmark.read(layout);
        }
        KnowledgeBase kb = KnowledgeBase.read(layout);
        Fit fit = new Fit(tools.tokens().get(), config.student().context());
        CorpusEvidence evidence = CorpusEvidence.read(layout, config, kb, log, "tests");
        LlmItemWriter teacher = config.teacher().backend().equals("openai")
                ? LlmItemWriter.from(config.teacher(), layout, System::getenv, log) : null;
        Built built = build(kb, config, fit, tools.embedder(), evidence, teacher, log);
        GeneralText general = GeneralText.read(layout.general(), log);
        List<TestItem> generalItems = GeneralItems.from(general.heldOut(), config.budgets().generalItems(), fit,
                seed(config.seed(), "tests.general"));
        Benchmark benchmark = new Benchmark(built.dev, built.test, generalItems);
        BenchmarkReport report = report(benchmark, built, kb, fit, tools.embedder(), config.name());
        if (!report.passed() && built.teacher() != null && !built.teacher().written().isEmpty()) {
            // The teacher's distractors are guarded like the Tester's; if its items still let an option-only rule
            // (or the context) through, the benchmark is the Tester's own.
            log.warn("tests: the teacher's items fail the benchmark's checks (" + report.problems().get(0)
                    + "); the Tester's own items are used");
            String refused = report.problems().get(0);
            built = build(kb, config, fit, tools.embedder(), evidence, null, Log.SILENT);
            built = built.withTeacher(new BenchmarkReport.TeacherItems(Map.of(), Map.of(), 0, "the teacher's items were "
                    + "refused: " + refused));
            benchmark = new Benchmark(built.dev, built.test, generalItems);
            report = report(benchmark, built, kb, fit, tools.embedder(), config.name());
        }
        Lock.begin(layout, "tests", List.of(layout.tests()));
        Jsonl.write(layout.split("dev"), benchmark.dev());
        Jsonl.write(layout.split("test"), benchmark.test());
        Jsonl.write(layout.split("general"), benchmark.general());
        Path reportFile = layout.tests().resolve("report.json");
        AtomicFiles.writeJson(reportFile, report);
        if (!report.passed()) {
            throw new ProdaFileException("tests: " + report.problems().get(0)
                    + (report.problems().size() > 1 ? " (and " + (report.problems().size() - 1) + " more problems)" : "")
                    + "; see " + reportFile);
        }
        int unanswered = built.teacher() == null ? 0 : built.teacher().unanswered();
        if (unanswered > 0) {
            // done but partial: the next run asks the endpoint again, what it answered comes from the cache
            log.warn("tests: the teacher's endpoint never answered for " + unanswered + " items, which stay the "
                    + "Tester's; run 'proda tests' again to ask for them");
        }
        if (benchmark.dev().isEmpty()) {
            // partial as well: a rerun says it again (and fails under --strict) instead of passing as up to date
            log.emptyOutput("tests: no domain item was written (see skipped in " + reportFile + ")");
        }
        Lock.record(layout, "tests", config.seed(), inputs, List.of(layout.tests()), unanswered > 0
                || benchmark.dev().isEmpty());
        log.info("tests: " + benchmark.dev().size() + " dev, " + benchmark.test().size() + " test, "
                + benchmark.general().size() + " general items on " + report.tested_nodes() + " nodes; "
                + (built.dev().isEmpty() ? "no domain items (see skipped in the report)" : String.format(
                        java.util.Locale.ROOT, "no option-only baseline above chance (largest lead %+.1f points, "
                                + "p = %.2f)", 100 * report.baselines().stream().mapToDouble(Baselines.Baseline::lead)
                                .max().orElse(0), report.baselines().stream().max(java.util.Comparator.comparingDouble(
                                Baselines.Baseline::lead)).map(Baselines.Baseline::pValue).orElse(1.0)))
                + "; longest item " + report.longest_item().tokens() + " of " + fit.context() + " tokens; report at "
                + reportFile);
        return benchmark;
    }

    /** The domain items, split: twins across dev and test, held-out chains in test only. */
    record Built(List<TestItem> dev, List<TestItem> test, Set<String> heldOut, int nodes, Map<String, Integer> skipped,
            KbTruth truth, BenchmarkReport.TeacherItems teacher) {
        Built withTeacher(BenchmarkReport.TeacherItems items) {
            return new Built(dev, test, heldOut, nodes, skipped, truth, items);
        }
    }

    static Built build(KnowledgeBase kb, ProdaConfig config, Fit fit, Embedder embedder, CorpusEvidence evidence) {
        return build(kb, config, fit, embedder, evidence, null, Log.SILENT);
    }

    /** The items; with {@code teacher}, the LLM teacher's rewrites of them where it wrote a valid one. */
    static Built build(KnowledgeBase kb, ProdaConfig config, Fit fit, Embedder embedder, CorpusEvidence evidence,
            LlmItemWriter teacher, Log log) {
        Curriculum curriculum = Curriculum.select(kb, config.budgets(), config.seed());
        // Hold out only chains the Tester can write items for: a held-out chain without items measures nothing.
        // (A writer of its own, so that its skip counts are not counted twice.)
        Set<String> askable = new ItemWriter(kb, fit, embedder, evidence, config.name()).askableChains(curriculum);
        Set<String> heldOut = heldOutChains(curriculum.chains(), askable, config.split().heldOut(), config.seed());
        ItemWriter writer = new ItemWriter(kb, fit, embedder, evidence, config.name());
        ItemWriter.Result written;
        try (var progress = log.progress("tests", curriculum.standalone().size() + curriculum.concepts().size()
                + curriculum.chains().size(), "nodes")) {
            written = writer.write(curriculum, heldOut, progress);
        }
        BenchmarkReport.TeacherItems byTeacher = null;
        List<ItemWriter.Twins> allTwins = written.twins();
        if (teacher != null) {
            LlmItems.Rewritten rewritten = new LlmItems(kb, fit).rewrite(written, teacher);
            allTwins = rewritten.twins();
            byTeacher = new BenchmarkReport.TeacherItems(rewritten.written(), rewritten.kept(), rewritten.unanswered(),
                    "questions in the "
                    + "teacher's words; distractors among the options the Tester vetted, assigned so that every option "
                    + "is a distractor three times per item it keys: the teacher's choices first (misconception), then "
                    + "block partners and other vetted options; kept_embedded: drafts it could not write validly, or "
                    + "of forms it does not write");
        }
        Random shuffle = new Random(seed(config.seed(), "tests.options"));
        List<TestItem> dev = new ArrayList<>();
        List<TestItem> test = new ArrayList<>();
        Set<String> nodes = new LinkedHashSet<>();
        for (ItemWriter.Twins twins : allTwins) {
            boolean firstInDev = !twins.heldOut()
                    && Character.digit(Records.id("", String.valueOf(config.seed()), "tests.split", twins.group())
                            .charAt(0), 16) % 2 == 0;
            List<TestItem> first = twins.first().stream().map(d -> ItemAssembly.item(d, "test", shuffle)).toList();
            List<TestItem> second = twins.second().stream().map(d -> ItemAssembly.item(d, "test", shuffle)).toList();
            Map<String, String> firstByNode = new HashMap<>();
            Map<String, String> secondByNode = new HashMap<>();
            first.forEach(i -> firstByNode.putIfAbsent(i.node(), i.id()));
            second.forEach(i -> secondByNode.putIfAbsent(i.node(), i.id()));
            for (TestItem item : first) {
                TestItem placed = item.placed(firstInDev ? "dev" : "test", secondByNode.get(item.node()), twins.heldOut());
                (firstInDev ? dev : test).add(placed);
            }
            for (TestItem item : second) {
                boolean inDev = !twins.heldOut() && !firstInDev;
                TestItem placed = item.placed(inDev ? "dev" : "test", firstByNode.get(item.node()), twins.heldOut());
                (inDev ? dev : test).add(placed);
            }
            nodes.addAll(firstByNode.keySet());
        }
        return new Built(dev, test, heldOut, nodes.size(), written.skipped(), writer.truth(), byTeacher);
    }

    /**
     * A seeded share of the chains (paths and procedures) that items can be written for ({@code askable}), whose
     * items all go to test: at least one when two or more are askable and the share is above zero, so that
     * transfer to untargeted knowledge is measured on something.
     */
    static Set<String> heldOutChains(List<Chain> chains, Set<String> askable, double share, long seed) {
        List<String> ids = chains.stream().filter(c -> Chain.PATH.equals(c.kind()) || Chain.PROCEDURE.equals(c.kind()))
                .map(Chain::chain_id).filter(askable::contains).sorted(Comparator.comparing(id -> Records.id("",
                        String.valueOf(seed), "tests.held-out", id))).toList();
        int count = (int) Math.round(ids.size() * share);
        if (count == 0 && share > 0 && ids.size() >= 2) {
            count = 1;
        }
        return new LinkedHashSet<>(ids.subList(0, count));
    }

    /** Counts, baselines, context and the verdict. */
    static BenchmarkReport report(Benchmark benchmark, Built built, KnowledgeBase kb, Fit fit, Embedder embedder,
            String defaultDiscipline) {
        List<String> problems = new ArrayList<>();
        BenchmarkReport.Longest longest = new BenchmarkReport.Longest(null, null, 0);
        for (TestItem item : benchmark.all()) {
            for (String letter : item.letters()) {
                Continuation scoring = PromptFormat.option(item, letter);
                int tokens = fit.count(scoring.context()) + fit.count(scoring.continuation());
                if (tokens > longest.tokens()) {
                    longest = new BenchmarkReport.Longest(item.id(), item.form(), tokens);
                }
                if (tokens > fit.context()) {
                    problems.add("item " + item.id() + " (" + item.form() + ", option " + letter + ") takes " + tokens
                            + " tokens, more than the student's context of " + fit.context());
                }
            }
        }
        Map<String, String> home = homes(kb, defaultDiscipline);
        List<TestItem> domain = new ArrayList<>(benchmark.dev());
        domain.addAll(benchmark.test());
        List<Baselines.Baseline> baselines = new Baselines(domain, o -> home.get(Terms.key(o)))
                .all(benchmark.dev(), benchmark.test());
        for (Baselines.Baseline b : baselines) {
            if (b.beatsChance()) {
                problems.add(String.format(java.util.Locale.ROOT, "option-only baseline '%s' scores %.1f%% on %d items, "
                        + "chance is %.1f%% (more than %d points above chance, p = %.3f)", b.name(), 100 * b.accuracy(),
                        b.items(), 100 * b.chance(), Math.round(Baselines.MAX_LEAD * 100), b.pValue()));
            }
        }
        Map<String, Integer> bySplit = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byForm = new TreeMap<>();
        Map<String, Map<String, Integer>> byDiscipline = new TreeMap<>();
        for (TestItem item : benchmark.all()) {
            bySplit.merge(item.split(), 1, Integer::sum);
            byForm.computeIfAbsent(item.form(), f -> new TreeMap<>()).merge(item.split(), 1, Integer::sum);
            byDiscipline.computeIfAbsent(String.valueOf(item.discipline()), f -> new TreeMap<>())
                    .merge(item.split(), 1, Integer::sum);
        }
        List<String> notes = List.of(
                "items come in blocks of four sharing one option set, each option the key of one item: an option-only "
                        + "rule is right exactly once per block",
                "every tested node has two items of different forms with disjoint distractors: one in dev, its twin "
                        + "(twin_id) in test; items of held-out chains (held_out) and their twins are all in test",
                "a rule that ties options is credited its expected accuracy under a random tie-break",
                "distractors are of the key's relation and discipline, grouped by similarity under " + embedder.name()
                        + ", and never true by the knowledge base (aliases, inverses and transitive is-a/part-of) nor"
                        + " possibly true by the corpus (same head or modifier as the key, linked to the subject in a"
                        + " sentence, or a class named in more than 1% of the corpus's sentences)",
                "baselines are computed on dev and test; general items are passage endings and are not gated");
        return new BenchmarkReport(problems.isEmpty(), problems, bySplit, byForm, byDiscipline, built.nodes(),
                built.heldOut().size(), baselines, Baselines.MAX_LEAD, longest, fit.context(), embedder.name(),
                built.skipped(), built.teacher(), notes);
    }

    /** The discipline each option text comes from: concept terms, aliases and definitions, procedure steps. */
    private static Map<String, String> homes(KnowledgeBase kb, String defaultDiscipline) {
        Map<String, String> home = new HashMap<>();
        for (Concept c : kb.concepts()) {
            String discipline = c.discipline() == null ? defaultDiscipline : c.discipline();
            home.putIfAbsent(Terms.key(c.term()), discipline);
            c.aliases().forEach(a -> home.putIfAbsent(Terms.key(a), discipline));
            if (c.definition() != null) {
                home.putIfAbsent(Terms.key(c.definition()), discipline);
            }
        }
        for (Chain chain : kb.chains()) {
            String discipline = chain.discipline() == null ? defaultDiscipline : chain.discipline();
            chain.steps().forEach(s -> home.putIfAbsent(Terms.key(Wording.step(s)), discipline));
        }
        return home;
    }

    /** One named seed stream per purpose, derived from the project seed. */
    static long seed(long seed, String purpose) {
        return Long.parseLong(Records.id("", String.valueOf(seed), purpose).substring(0, 12), 16);
    }
}

package dev.proda.evaluate;

import dev.proda.compile.Compile;
import dev.proda.compile.PromptFormat;
import dev.proda.io.Jsonl;
import dev.proda.model.ItemResult;
import dev.proda.model.TestItem;
import dev.proda.project.GeneralText;
import dev.proda.project.Lock;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.project.ProjectLayout;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.StudentEngine;
import dev.proda.student.StudentModel;
import dev.proda.tester.Tests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Stage {@code test}: scores a model version on dev, test and general items. */
public final class Evaluate {
    private Evaluate() {
    }

    public static VersionScores run(ProjectLayout layout, String version, StudentEngine engine, Log log) {
        try (StudentModel model = engine.load(Compile.requireModel(layout, version))) {
            return run(layout, version, model, List.of(layout.tests(), layout.model(version)), log);
        }
    }

    /**
     * Scores an open model (a local version, or a student behind an endpoint) and writes its results under
     * {@code label}.
     *
     * @param inputs what the results depend on, for the lock (the tests, and the model folder when there is one)
     */
    public static VersionScores run(ProjectLayout layout, String label, StudentModel model, List<Path> inputs,
            Log log) {
        Tests.Benchmark benchmark = Tests.Benchmark.read(layout);
        List<TestItem> items = benchmark.all();
        List<String> generalText = Files.isDirectory(layout.general())
                ? GeneralText.read(layout.general(), Log.SILENT).heldOut() : List.of();
        List<ItemResult> results;
        try (var progress = log.progress("test " + label, items.size(), "items")) {
            results = answer(model, items, progress);
        }
        double bits = bitsPerToken(model, generalText.subList(0, Math.min(generalText.size(), BITS_LINES)));
        // Marked in progress first: that also deletes the temp file a test killed while writing left here.
        Lock.begin(layout, "test " + label, List.of(layout.results(label)));
        Jsonl.write(layout.results(label), results);
        Lock.record(layout, "test " + label, ProdaConfig.read(layout.config()).seed(), inputs,
                List.of(layout.results(label)));
        VersionScores scores = summarise(label, items, results).withGeneralBitsPerToken(bits);
        log.info(String.format(Locale.ROOT, "test %s: dev %s, test %s, general %s, %.4f bits per token on held-out "
                + "general text", label, format(scores.dev()), format(scores.test()), format(scores.general()), bits));
        return scores;
    }

    /** How many held-out general lines the bits per token are measured on (the first, in file order). */
    public static final int BITS_LINES = 1000;

    /**
     * Bits per token of {@code lines} under the model: each line scored on its own after the beginning of text,
     * the negative log2-likelihood summed over all scored tokens and divided by their number. Every version of
     * a project shares V0's tokenizer, so the figures compare across versions (not across projects).
     */
    public static double bitsPerToken(StudentModel model, List<String> lines) {
        if (model instanceof dev.proda.student.ChoiceModel) {
            return Double.NaN; // a model that only names letters has no likelihood of text
        }
        List<Continuation> requests = lines.stream().map(line -> new Continuation("", line)).toList();
        double nats = LogLikelihood.meanNats(model.logLikelihoods(requests));
        return Double.isNaN(nats) ? Double.NaN : Score.round(nats / Math.log(2));
    }

    /** The student's picks for every item, by summed and by per-character log-likelihood. */
    public static List<ItemResult> answer(StudentModel model, List<TestItem> items) {
        return answer(model, items, dev.proda.project.Progress.NONE);
    }

    /** Items scored per this many at a time, so that progress shows; every item's options stay together. */
    private static final int ITEMS_PER_CALL = 64;

    /** The same, advancing {@code progress} by the items scored. */
    public static List<ItemResult> answer(StudentModel model, List<TestItem> items,
            dev.proda.project.Progress progress) {
        if (model instanceof dev.proda.student.ChoiceModel chooser) {
            List<ItemResult> picked = chosen(chooser, items);
            progress.advance(items.size());
            return picked;
        }
        List<LogLikelihood> scores = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ITEMS_PER_CALL) {
            List<TestItem> part = items.subList(from, Math.min(items.size(), from + ITEMS_PER_CALL));
            List<Continuation> requests = new ArrayList<>();
            for (TestItem item : part) {
                for (String letter : item.letters()) {
                    requests.add(PromptFormat.option(item, letter));
                }
            }
            scores.addAll(model.logLikelihoods(requests));
            progress.advance(part.size());
        }
        List<ItemResult> results = new ArrayList<>();
        int next = 0;
        for (TestItem item : items) {
            Map<String, Double> byLetter = new LinkedHashMap<>();
            String best = null;
            String bestNorm = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            double bestNormScore = Double.NEGATIVE_INFINITY;
            for (String letter : item.letters()) {
                double sum = scores.get(next++).sum();
                double perChar = sum / Math.max(1, item.options().get(letter).length());
                byLetter.put(letter, Score.round(sum));
                if (sum > bestScore) {
                    bestScore = sum;
                    best = letter;
                }
                if (perChar > bestNormScore) {
                    bestNormScore = perChar;
                    bestNorm = letter;
                }
            }
            results.add(new ItemResult(item.id(), item.split(), best, item.answer(), item.answer().contains(best),
                    bestNorm, item.answer().contains(bestNorm), byLetter, item.discipline()));
        }
        return results;
    }

    /**
     * Items asked of a model that only names a letter: its pick is its answer, normalised or not; as scores the
     * picked letter gets 0 and the others -1 (no likelihoods exist), and an unreadable reply picks nothing.
     */
    private static List<ItemResult> chosen(dev.proda.student.ChoiceModel chooser, List<TestItem> items) {
        List<dev.proda.student.ChoiceModel.Question> questions = new ArrayList<>();
        for (TestItem item : items) {
            Map<String, String> options = new LinkedHashMap<>();
            item.letters().forEach(l -> options.put(l, item.options().get(l)));
            questions.add(new dev.proda.student.ChoiceModel.Question(item.question(), options));
        }
        List<String> letters = chooser.choose(questions);
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TestItem item = items.get(i);
            String pick = letters.get(i);
            Map<String, Double> scores = new LinkedHashMap<>();
            item.letters().forEach(l -> scores.put(l, l.equals(pick) ? 0.0 : -1.0));
            boolean correct = pick != null && item.answer().contains(pick);
            results.add(new ItemResult(item.id(), item.split(), pick, item.answer(), correct, pick, correct, scores,
                    item.discipline()));
        }
        return results;
    }

    /**
     * One version's scores on the test items among {@code items}, split by {@code chosen}: under {@code true}
     * the items it accepts, under {@code false} the others (its results file is read once).
     */
    public static Map<Boolean, Score> testScores(ProjectLayout layout, String version, List<TestItem> items,
            Predicate<TestItem> chosen) {
        List<Score> scores = testScores(layout, version, items, List.of(chosen, chosen.negate()));
        return Map.of(true, scores.get(0), false, scores.get(1));
    }

    /**
     * One version's score on each subset of the test items among {@code items} (subsets may overlap; its
     * results file is read once).
     */
    public static List<Score> testScores(ProjectLayout layout, String version, List<TestItem> items,
            List<Predicate<TestItem>> subsets) {
        Map<String, TestItem> byId = items.stream().collect(Collectors.toMap(TestItem::id, Function.identity(),
                (a, b) -> a));
        List<ItemResult> results = Jsonl.read(layout.results(version), ItemResult.class).stream()
                .filter(r -> r.split().equals("test") && byId.containsKey(r.item())).toList();
        return subsets.stream().map(subset -> Score.of(results.stream().filter(r -> subset.test(byId.get(r.item())))
                .toList(), byId)).toList();
    }

    public static VersionScores summarise(String version, List<TestItem> items, List<ItemResult> results) {
        Map<String, TestItem> byId = items.stream().collect(Collectors.toMap(TestItem::id, Function.identity(),
                (a, b) -> a));
        Map<String, List<ItemResult>> bySplit = results.stream().collect(Collectors.groupingBy(ItemResult::split));
        Map<String, Map<String, Score>> disciplines = new TreeMap<>();
        for (String split : List.of("dev", "test")) {
            Map<String, List<ItemResult>> byDiscipline = bySplit.getOrDefault(split, List.of()).stream()
                    .collect(Collectors.groupingBy(r -> r.discipline() == null ? "unknown" : r.discipline(),
                            TreeMap::new, Collectors.toList()));
            Map<String, Score> scores = new TreeMap<>();
            byDiscipline.forEach((discipline, list) -> scores.put(discipline, Score.of(list, byId)));
            disciplines.put(split, scores);
        }
        return new VersionScores(version, Score.of(bySplit.getOrDefault("dev", List.of()), byId),
                Score.of(bySplit.getOrDefault("test", List.of()), byId),
                Score.of(bySplit.getOrDefault("general", List.of()), byId), disciplines, null);
    }

    public static String format(Score score) {
        return String.format("%.1f%% of %d (acc_norm %.1f%%, chance %.1f%%)", 100 * score.accuracy(), score.n(),
                100 * score.accuracy_norm(), 100 * score.chance());
    }
}

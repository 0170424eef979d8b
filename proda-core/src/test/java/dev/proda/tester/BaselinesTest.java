package dev.proda.tester;

import dev.proda.curriculum.CorpusEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.extract.KnowledgeBase;
import dev.proda.model.TestItem;
import dev.proda.project.ProdaConfig;
import dev.proda.text.TfIdfEmbedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The option-only baselines and the context check, on a fair benchmark and on deliberately biased ones. */
class BaselinesTest {
    private final KnowledgeBase kb = TestKb.standard();
    private final Fit fit = new Fit(TestTools.WORDS, 64);
    private final Tests.Built built = Tests.build(kb, ProdaConfig.defaults("t"), fit, new TfIdfEmbedder(), CorpusEvidence.NONE);

    private BenchmarkReport report(List<TestItem> dev, List<TestItem> test, Fit with) {
        return Tests.report(new Tests.Benchmark(dev, test, List.of()), built, kb, with, new TfIdfEmbedder(), "t");
    }

    /** Each item with its key's text rewritten, distractors untouched. */
    private static List<TestItem> biased(List<TestItem> items, UnaryOperator<String> key) {
        return items.stream().map(i -> {
            Map<String, String> options = new LinkedHashMap<>(i.options());
            options.put(i.answer(), key.apply(i.key()));
            return new TestItem(i.id(), i.split(), i.question(), options, i.answer(), i.chain_id(), i.statement_ids(),
                    i.concept_ids(), i.discipline(), i.distractor_kinds(), i.form(), i.node(), i.twin_id(), i.held_out());
        }).toList();
    }

    @Test
    void theBenchmarkAsBuiltPassesWithEveryBaselineNearChance() {
        BenchmarkReport report = report(built.dev(), built.test(), fit);
        assertTrue(report.passed(), report.problems().toString());
        assertEquals(7, report.baselines().size());
        for (Baselines.Baseline b : report.baselines()) {
            assertTrue(b.items() > 0);
            assertEquals(0.25, b.chance(), 1e-9);
            assertTrue(Math.abs(b.lead()) <= Baselines.MAX_LEAD, b.toString());
            assertFalse(b.fair_by().isBlank());
        }
        int longest = 0;
        for (TestItem item : FormsTest.all(built)) {
            for (String option : item.options().values()) {
                longest = Math.max(longest, fit.tokens(item.question(), option));
            }
        }
        assertEquals(longest, report.longest_item().tokens());
        assertTrue(report.by_form().size() >= 7, report.by_form().toString());
    }

    @Test
    void aKeyThatIsAlwaysTheLongestFailsTheStage() {
        BenchmarkReport report = report(biased(built.dev(), k -> k + " in every possible case whatsoever"),
                biased(built.test(), k -> k + " in every possible case whatsoever"), new Fit(TestTools.WORDS, 200));
        assertFalse(report.passed());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("'longest option' scores 100.0%")),
                report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("classifier")), "the classifier finds it too");
    }

    @Test
    void aKeyThatRepeatsTheStemFailsOnOverlap() {
        List<TestItem> dev = built.dev().stream().map(i -> biased(List.of(i), k -> k + " " + i.question()).get(0))
                .toList();
        List<TestItem> test = built.test().stream().map(i -> biased(List.of(i), k -> k + " " + i.question()).get(0))
                .toList();
        BenchmarkReport report = report(dev, test, new Fit(TestTools.WORDS, 200));
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("'most word overlap with the stem'")),
                report.problems().toString());
    }

    @Test
    void keysFromTheItemsDisciplineAndDistractorsFromElsewhereFailOnOwnDiscipline() {
        // Every distractor replaced by an economics term in statistics items: own discipline gives the key away.
        List<String> economics = List.of("tariff", "GDP", "bond");
        UnaryOperator<TestItem> foreign = i -> {
            Map<String, String> options = new LinkedHashMap<>();
            int k = 0;
            for (String letter : i.letters()) {
                options.put(letter, letter.equals(i.answer()) ? "median" : economics.get(k++ % 3));
            }
            return new TestItem(i.id(), i.split(), i.question(), options, i.answer(), i.chain_id(), i.statement_ids(),
                    i.concept_ids(), "statistics", i.distractor_kinds(), i.form(), i.node(), i.twin_id(), i.held_out());
        };
        BenchmarkReport report = report(built.dev().stream().map(foreign).toList(),
                built.test().stream().map(foreign).toList(), fit);
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("'own discipline' scores 100.0%")),
                report.problems().toString());
    }

    @Test
    void anItemBeyondTheContextIsReportedWithItsTokens() {
        Fit small = new Fit(TestTools.WORDS, 12);
        BenchmarkReport report = report(built.dev(), built.test(), small);
        assertFalse(report.passed());
        String problem = report.problems().get(0);
        assertTrue(problem.matches("item i-\\w+ \\([\\w-]+, option [A-D]\\) takes \\d+ tokens, more than the "
                + "student's context of 12"), problem);
    }

    @Test
    void aWriterGivenASmallContextOnlyWritesItemsThatFit() {
        Fit small = new Fit(TestTools.WORDS, 18);
        Tests.Built fitted = Tests.build(kb, ProdaConfig.defaults("t"), small, new TfIdfEmbedder(), CorpusEvidence.NONE);
        assertFalse(fitted.dev().isEmpty());
        for (TestItem item : FormsTest.all(fitted)) {
            for (String option : item.options().values()) {
                assertTrue(small.fits(item.question(), option), item.question() + " / " + option);
            }
        }
        assertTrue(fitted.skipped().keySet().stream().anyMatch(r -> r.contains("too long")), fitted.skipped().toString());
    }

    @Test
    void tiesAreCreditedTheirExpectedAccuracy() {
        TestItem item = built.dev().get(0);
        Map<String, Double> allTied = Map.of("A", 1.0, "B", 1.0, "C", 1.0, "D", 1.0);
        assertEquals(0.25, Baselines.credit(item, allTied), 1e-12);
        Map<String, Double> keyAlone = new LinkedHashMap<>(Map.of("A", 0.0, "B", 0.0, "C", 0.0, "D", 0.0));
        keyAlone.put(item.answer(), 1.0);
        assertEquals(1.0, Baselines.credit(item, keyAlone), 1e-12);
    }
}

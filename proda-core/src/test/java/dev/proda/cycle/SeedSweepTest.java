package dev.proda.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.evaluate.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSweepTest {
    @Test
    void statIsMeanSampleSdAndRange() {
        SeedSweep.Stat s = SeedSweep.Stat.of(List.of(0.1, 0.3, 0.2));
        assertEquals(0.2, s.mean(), 1e-9);
        assertEquals(0.1, s.sd(), 1e-9);
        assertEquals(0.1, s.min(), 1e-9);
        assertEquals(0.3, s.max(), 1e-9);
        assertEquals(3, s.n());
        assertEquals("20.0 ± 10.0 (10.0 … 30.0)", s.toString());
        assertTrue(Double.isNaN(SeedSweep.Stat.of(List.of(0.5)).sd()), "one seed has no spread");
    }

    private static Score score(double accuracy) {
        return new Score(accuracy, accuracy, 100, (int) Math.round(100 * accuracy), 0.25);
    }

    private static CycleReport report(long seed, double v2, double untargeted, double v3) {
        List<CycleReport.Version> versions = new java.util.ArrayList<>();
        java.util.Map<String, Double> test = new java.util.LinkedHashMap<>();
        test.put("V0", 0.25);
        test.put("V1", 0.5);
        test.put("V2", v2);
        test.put("V2-no-new-samples", 0.52);
        test.put("V2-untargeted", untargeted);
        test.put("V2-untargeted-4x", untargeted + 0.02);
        test.put("V3", v3);
        List<CycleReport.Focus> focus = new java.util.ArrayList<>();
        test.forEach((name, accuracy) -> {
            versions.add(new CycleReport.Version(name, "", score(accuracy), score(accuracy), score(0.3), java.util.Map.of(),
                    4.0 + accuracy));
            focus.add(new CycleReport.Focus(name, score(accuracy - 0.1), new Score(0, 0, 0, 0, 0.25),
                    score(accuracy + 0.05)));
        });
        return new CycleReport("p", seed, "s", versions, List.of(), focus, List.of(), List.of(), java.util.Map.of(),
                java.util.Map.of(), List.of());
    }

    @Test
    void theSweepReportsEveryVersionUnderItsProtocolNameAndThePairsSeedBySeed() {
        SeedSweep.Result result = SeedSweep.summarise(List.of(1L, 2L, 3L), List.of(report(1, 0.60, 0.55, 0.62),
                report(2, 0.62, 0.63, 0.61), report(3, 0.64, 0.57, 0.66)), "small");
        assertEquals(List.of("V0", "V1", "V2", "no_new_samples", "untargeted_1x", "untargeted_4x", "V3"),
                List.copyOf(result.test().keySet()));
        assertEquals(0.62, result.test().get("V2").mean(), 1e-9);
        SeedSweep.Paired v2MinusUntargeted = result.paired().get("V2-untargeted_1x");
        assertEquals((0.05 - 0.01 + 0.07) / 3, v2MinusUntargeted.mean(), 1e-4);
        assertEquals(2, v2MinusUntargeted.wins(), "V2 ahead on seeds 1 and 3 only");
        assertEquals(2, result.paired().get("V3-V2").wins());
        assertEquals(result.paired().keySet(), result.paired_repair_rate().keySet(), "the same pairs on the repair rate");
        assertTrue(result.heldout_chains().isEmpty(), "held-out chains with no items are left out, not scored 0");
        assertEquals(0.62 + 0.05, result.passed_twins().get("V2").mean(), 1e-9, "twins of passed items, per version");
        assertTrue(result.markdown().contains("| twins of passed |"));
        assertEquals(4.62, result.general_bits_per_token().get("V2").mean(), 1e-9);
        assertTrue(result.jsonLine().contains("\"paired_V2-untargeted_1x\":"));
    }
}

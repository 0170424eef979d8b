package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety as a tested property: a stage killed with SIGKILL at any point and run again leaves what an
 * uninterrupted run leaves ({@link KillHarness}). The default run kills {@code extract} three times on a
 * tiny corpus, half of which arrived after the previous extract; the long mode runs
 * {@code -Dproda.crash.trials=N} trials each of extract, build and tests on a larger one, half of which
 * arrived after the stage last ran (seed {@code -Dproda.crash.seed}, 42 by default):
 * <pre>
 * mvn -o test -pl proda-cli -am -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false -Dproda.crash.trials=20
 * </pre>
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void extractKilledAnywhereAndRunAgainLeavesWhatAnUninterruptedRunLeaves() throws Exception {
        var result = new KillHarness(dir, 7, System.out).run(new KillHarness.Stage("extract", List.of("kb"),
                KillHarness.corpusChangedSince("extract", 2)), 3);
        assertEquals(List.of(), result.failures());
        assertEquals(3, result.passed());
    }

    @Test
    @EnabledIfSystemProperty(named = "proda.crash.trials", matches = "[1-9][0-9]*")
    void longModeKillsEachStageManyTimes() throws Exception {
        int trials = Integer.getInteger("proda.crash.trials");
        long seed = Long.getLong("proda.crash.seed", 42);
        KillHarness harness = new KillHarness(dir, seed, System.out);
        List<KillHarness.Result> results = new ArrayList<>();
        results.add(harness.run(new KillHarness.Stage("extract", List.of("kb"),
                KillHarness.corpusChangedSince("extract", 4)), trials));
        results.add(harness.run(new KillHarness.Stage("build", List.of("src/build/samples.jsonl",
                "target/reports/build.json"), KillHarness.corpusChangedSince("build", 4)), trials));
        results.add(harness.run(new KillHarness.Stage("tests", List.of("tests"),
                KillHarness.corpusChangedSince("tests", 4)), trials));
        System.out.println("kill trials (seed " + seed + "):");
        results.forEach(System.out::println);
        for (KillHarness.Result result : results) {
            assertTrue(result.failures().isEmpty(), result.toString());
            assertEquals(trials, result.passed(), result.toString());
        }
    }
}

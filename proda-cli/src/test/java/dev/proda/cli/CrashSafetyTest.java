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
 * tiny corpus, half of which arrived after the previous extract. The long mode runs
 * {@code -Dproda.crash.trials=N} trials of each stage named in {@code -Dproda.crash.stages} (default all:
 * {@code extract,build,tests,compile,test,debug,repair}; the last four are {@code compile --model V1},
 * {@code test --model V1}, {@code debug --model V1} and {@code repair --round 1} with FullLoopIT's tiny
 * student) on a larger corpus, half of which arrived after the stage last ran (seed {@code -Dproda.crash.seed},
 * 42 by default); it prints one line per stage with its trials, passes and where the kills landed:
 * <pre>
 * mvn -o test -pl proda-cli -am -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false -Dproda.crash.trials=20
 * mvn -o test -pl proda-cli -am -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false -Dproda.crash.trials=20 \
 *     -Dproda.crash.stages=compile,test,debug,repair
 * </pre>
 * A model's {@code config.json} is compared without its wall-clock {@code training[*].seconds}, the one field
 * no two trainings share (see {@link KillHarness}).
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
        List<String> stages = List.of(System.getProperty("proda.crash.stages",
                "extract,build,tests,compile,test,debug,repair").split(","));
        List<KillHarness.Result> results = new ArrayList<>();
        for (String stage : stages) {
            results.add(harness.run(switch (stage.strip()) {
                case "extract" -> new KillHarness.Stage("extract", List.of("kb"),
                        KillHarness.corpusChangedSince("extract", 4));
                case "build" -> new KillHarness.Stage("build", List.of("src/build/samples.jsonl",
                        "target/reports/build.json"), KillHarness.corpusChangedSince("build", 4));
                case "tests" -> new KillHarness.Stage("tests", List.of("tests"),
                        KillHarness.corpusChangedSince("tests", 4));
                case "compile" -> KillHarness.compile(4);
                case "test" -> KillHarness.test(4);
                case "debug" -> KillHarness.debug(4);
                case "repair" -> KillHarness.repair(4);
                default -> throw new IllegalArgumentException("unknown stage " + stage + " in proda.crash.stages");
            }, trials));
        }
        System.out.println("kill trials (seed " + seed + "):");
        results.forEach(System.out::println);
        for (KillHarness.Result result : results) {
            assertTrue(result.failures().isEmpty(), result.toString());
            assertEquals(trials, result.passed(), result.toString());
        }
    }
}

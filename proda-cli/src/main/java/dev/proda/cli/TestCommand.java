package dev.proda.cli;

import dev.proda.evaluate.Evaluate;
import dev.proda.evaluate.VersionScores;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the benchmark on a model version: per-item results in "
                + "target/reports/results-VERSION.jsonl, accuracy per split with its chance level.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = {"-m", "--model"}, paramLabel = "VERSION", defaultValue = "V1",
            description = "Version to test (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--fail-under", paramLabel = "ACCURACY",
            description = "Exit with code 3 if test-split accuracy (0..1) is below this.")
    Double failUnder;

    @Override
    public Integer call() {
        Versions.number(version);
        VersionScores scores = Evaluate.run(project.layout(), version, Engines.student(project.config()),
                project.log());
        if (failUnder != null && scores.test().accuracy() < failUnder) {
            project.spec.commandLine().getErr().printf("proda: test accuracy %.3f is below %.3f%n",
                    scores.test().accuracy(), failUnder);
            return Proda.BELOW_THRESHOLD;
        }
        return 0;
    }
}

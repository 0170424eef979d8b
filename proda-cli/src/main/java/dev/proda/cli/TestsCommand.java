package dev.proda.cli;

import dev.proda.tester.Tests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tests", mixinStandardHelpOptions = true,
        description = "Knowledge base → benchmark written before training: tests/dev.jsonl and tests/test.jsonl "
                + "(twin items of each node, held-out chains in test only), tests/general.jsonl and tests/report.json "
                + "(counts, option-only baselines, longest item in the student's tokens). Fails if a baseline beats "
                + "chance by more than 5 points or an item does not fit the student's context.")
final class TestsCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--force", description = "Run even when proda.lock shows nothing changed since the last run.")
    boolean force;

    @Override
    public Integer call() {
        var config = project.config();
        Tests.run(project.layout(), config, Tests.Tools.of(project.layout(), config, Engines.student(config),
                Engines.embedder(), project.log()), project.log(), force);
        return 0;
    }
}

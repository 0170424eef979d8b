package dev.proda.cli;

import dev.proda.tester.Tests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tests", mixinStandardHelpOptions = true,
        description = "Knowledge base → benchmark written before training: tests/dev.jsonl, tests/test.jsonl "
                + "(split by chain) and tests/general.jsonl.")
final class TestsCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--force", description = "Run even when proda.lock shows nothing changed since the last run.")
    boolean force;

    @Override
    public Integer call() {
        Tests.run(project.layout(), project.config(), project.log(), force);
        return 0;
    }
}

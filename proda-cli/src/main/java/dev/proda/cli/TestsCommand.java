package dev.proda.cli;

import dev.proda.tester.Tests;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tests", mixinStandardHelpOptions = true,
        description = "Knowledge base → benchmark written before training: tests/dev.jsonl, tests/test.jsonl "
                + "(split by chain) and tests/general.jsonl.")
final class TestsCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Override
    public Integer call() {
        Tests.run(project.layout(), project.config(), project.log());
        return 0;
    }
}

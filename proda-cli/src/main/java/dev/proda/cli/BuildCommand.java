package dev.proda.cli;

import dev.proda.build.Build;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Knowledge base → training samples (src/build/samples.jsonl), several skills per fact.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Override
    public Integer call() {
        Build.run(project.layout(), project.config(), project.log());
        return 0;
    }
}

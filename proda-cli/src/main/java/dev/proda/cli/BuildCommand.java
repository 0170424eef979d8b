package dev.proda.cli;

import dev.proda.build.Build;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Knowledge base → training samples (src/build/samples.jsonl), several skills per fact.",
            "Every sample must fit the student's context (counted with its tokenizer); the longest and any "
                    + "dropped are in target/reports/build.json."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--force", description = "Run even when proda.lock shows nothing changed since the last run.")
    boolean force;

    @Override
    public Integer call() {
        var config = project.config();
        Build.run(project.layout(), config, Engines.student(config), project.log(), force);
        return 0;
    }
}

package dev.proda.cli;

import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "init DIR with the bundled textbook example, then run the full cycle on it.")
final class DemoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "New project folder.")
    Path dir;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Repair rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = new ProjectLayout(dir);
        InitCommand.init(layout, null, null, WriterOutputStream.log(spec));
        CycleCommand.run(layout, rounds, false, spec);
        return 0;
    }
}

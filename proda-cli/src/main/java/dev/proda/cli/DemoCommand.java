package dev.proda.cli;

import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "init DIR with the bundled textbook example, then run the full cycle on it.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "New project folder (or give it with -C).")
    Path dir;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Repair rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (dir == null && project.project.equals(Path.of("."))) {
            throw new UsageError("give the new project folder: proda demo DIR (or -C DIR)");
        }
        if (rounds < 1) {
            throw new UsageError("--rounds must be at least 1, not " + rounds);
        }
        ProjectLayout layout = new ProjectLayout(CycleCommand.projectFolder(project, dir));
        InitCommand.init(layout, null, null, project.log());
        CycleCommand.run(layout, rounds, false, spec, project.log());
        return 0;
    }
}

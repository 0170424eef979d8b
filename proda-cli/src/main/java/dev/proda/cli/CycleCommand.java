package dev.proda.cli;

import dev.proda.cycle.Cycle;
import dev.proda.cycle.CycleReport;
import dev.proda.project.ProjectLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cycle", mixinStandardHelpOptions = true,
        description = "Run the whole loop on a project: extract, build, tests, compile V0/V1, test, then per "
                + "round debug → repair → compile → test. Writes target/reports/cycle.json and cycle.md.")
final class CycleCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Project folder, as -C gives it (kept for "
            + "scripts that name it first).")
    Path dir;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Repair rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--force", description = "Run extract, build and tests even when proda.lock shows their inputs "
            + "unchanged (models are reused whenever their base, samples and settings are the same).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new UsageError("--rounds must be at least 1, not " + rounds);
        }
        run(new ProjectLayout(projectFolder(project, dir)), rounds, force, spec, project.log());
        return 0;
    }

    /** The folder -C names, or the positional DIR; both naming different folders is a usage error. */
    static Path projectFolder(ProjectOption option, Path positional) {
        boolean given = !option.project.equals(Path.of("."));
        if (positional != null && given && !positional.toAbsolutePath().normalize().equals(
                option.project.toAbsolutePath().normalize())) {
            throw new UsageError("two project folders given: -C " + option.project + " and " + positional
                    + "; give one");
        }
        return positional != null ? positional : option.project;
    }

    static void run(ProjectLayout layout, int rounds, boolean force, CommandSpec spec, dev.proda.project.Log log) {
        var config = dev.proda.project.ProdaConfig.read(layout.config());
        CycleReport report = new Cycle(layout, Engines.student(config), Engines.embedder(), log)
                .run(rounds, force);
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
    }
}

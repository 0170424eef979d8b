package dev.proda.cli;

import dev.proda.debug.Debug;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Trace each failed dev item of a version to its nodes and probe them: writes "
                + "target/reports/failures-round-N.jsonl (kind concept_gap or chain_break).")
final class DebugCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = {"-m", "--model"}, paramLabel = "VERSION", defaultValue = "V1",
            description = "Version whose dev results to diagnose (default: ${DEFAULT-VALUE}; run 'proda test' first).")
    String version;

    @Option(names = "--round", paramLabel = "N", description = "Repair round (default: the version's number).")
    Integer round;

    @Override
    public Integer call() {
        int n = Versions.number(version);
        Debug.run(project.layout(), project.config(), Engines.student(project.config()), version,
                round != null ? round : Math.max(1, n), project.log());
        return 0;
    }
}

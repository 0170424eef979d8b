package dev.proda.cli;

import dev.proda.repair.Repair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Write patch samples about the responsible nodes of a round's failures, grounded in "
                + "BM25-retrieved corpus passages: src/patches/round-N/patches.jsonl.")
final class RepairCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--round", paramLabel = "N", defaultValue = "1", description = "Round (default: ${DEFAULT-VALUE}).")
    int round;

    @Override
    public Integer call() {
        Repair.run(project.layout(), project.config(), round, project.log());
        return 0;
    }
}

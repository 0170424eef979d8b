package dev.proda.cli;

import dev.proda.extract.Extract;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Corpus → knowledge base: kb/chains.jsonl (L3), kb/statements.jsonl (L2), kb/concepts.jsonl (L1).")
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = "--force", description = "Run even when proda.lock shows nothing changed since the last run.")
    boolean force;

    @Override
    public Integer call() {
        Extract.run(project.layout(), project.config(), project.log(), force);
        return 0;
    }
}

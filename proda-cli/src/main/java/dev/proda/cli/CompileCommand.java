package dev.proda.cli;

import dev.proda.cycle.Cycle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Train a model version into target/models/VERSION, as the cycle does.",
            "V0: pretrain on general/ (cached by data and config hash). V1: V0 + src/build samples. "
                    + "Vn (n ≥ 2): V(n-1) + build samples + patches of rounds 1..n-1."})
final class CompileCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = {"-m", "--model"}, paramLabel = "VERSION", defaultValue = "V1",
            description = "Version to compile (default: ${DEFAULT-VALUE}).")
    String version;

    @Override
    public Integer call() {
        int n = Versions.number(version);
        var config = project.config();
        Cycle.compile(project.layout(), config, Engines.student(config), n, project.log());
        return 0;
    }
}

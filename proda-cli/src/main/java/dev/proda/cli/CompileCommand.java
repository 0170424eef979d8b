package dev.proda.cli;

import dev.proda.compile.Compile;
import dev.proda.io.Jsonl;
import dev.proda.model.Sample;
import dev.proda.project.ProdaConfig;
import dev.proda.repair.Repair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Train a model version into target/models/VERSION.",
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
        ProdaConfig config = project.config();
        var engine = Engines.student(config);
        if (n == 0) {
            Compile.base(project.layout(), config, engine, project.log());
            return 0;
        }
        List<Sample> samples = new ArrayList<>(Jsonl.read(project.layout().buildSamples(), Sample.class));
        if (n == 1) {
            Compile.finetune(project.layout(), config, engine, "V0", "V1", samples,
                    config.student().finetuneEpochs(), config.student().finetuneLearningRate(), project.log());
        } else {
            samples.addAll(Repair.samplesUpTo(project.layout(), n - 1));
            Compile.finetune(project.layout(), config, engine, "V" + (n - 1), version, samples,
                    config.student().repairEpochs(), config.student().repairLearningRate(), project.log());
        }
        return 0;
    }
}

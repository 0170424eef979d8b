package dev.proda.cli;

import dev.proda.interop.BenchExport;
import dev.proda.interop.SftExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the training set or the benchmark for external trainers and harnesses.",
        subcommands = {ExportCommand.Sft.class, ExportCommand.Bench.class})
final class ExportCommand {

    /** A usage error unless {@code format} is one of {@code formats}. */
    static void requireFormat(ProjectOption project, String format, java.util.List<String> formats) {
        if (!formats.contains(format)) {
            throw new ParameterException(project.spec.commandLine(), "--format must be one of "
                    + String.join(", ", formats) + ", not '" + format + "'");
        }
    }

    @Command(name = "sft", mixinStandardHelpOptions = true,
            description = "The Builder's samples and every round's patches (or one round's) as training data: "
                    + "llamafactory (a dataset_dir with dataset_info.json and a LoRA SFT YAML), sharegpt, alpaca "
                    + "or openai (chat JSONL).")
    static final class Sft implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "llamafactory",
                description = "llamafactory, sharegpt, alpaca or openai (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--round", paramLabel = "N", description = "Only this repair round's patches.")
        Integer round;

        @Option(names = {"-o", "--output"}, paramLabel = "PATH",
                description = "Folder (llamafactory) or file to write (default: target/export/sft-FORMAT…).")
        Path output;

        @Override
        public Integer call() {
            requireFormat(project, format, SftExport.FORMATS);
            if (round != null && round < 1) {
                throw new ParameterException(project.spec.commandLine(), "--round must be 1 or more");
            }
            Path out = output != null ? output : project.layout().target().resolve("export").resolve("sft-" + format
                    + (format.equals("llamafactory") ? "" : format.equals("openai") ? ".jsonl" : ".json"));
            var written = SftExport.write(SftExport.samples(project.layout(), round), format, out);
            project.log().info("export sft: " + written.samples() + " samples (" + written.buildSamples() + " Builder, "
                    + written.patchSamples() + " patch) as " + format + " at " + written.path());
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "The dev and test items for other harnesses: lm-eval (a task YAML over JSONL), opencompass "
                    + "(question, A-D, answer) or jsonl (proda's items).")
    static final class Bench implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "lm-eval",
                description = "lm-eval, opencompass or jsonl (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "PATH",
                description = "Folder (lm-eval, opencompass) or file (jsonl) to write "
                        + "(default: target/export/bench-FORMAT…).")
        Path output;

        @Override
        public Integer call() {
            requireFormat(project, format, BenchExport.FORMATS);
            Path out = output != null ? output : project.layout().target().resolve("export")
                    .resolve("bench-" + format + (format.equals("jsonl") ? ".jsonl" : ""));
            int items = BenchExport.write(project.layout(), format, out);
            project.log().info("export bench: " + items + " dev and test items as " + format + " at " + out);
            return 0;
        }
    }
}

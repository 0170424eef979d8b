package dev.proda.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.student.FinetuneConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.TrainingExample;
import dev.proda.student.djl.DjlStudentEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tune an embedded model folder on prompt/completion JSONL (one {\"prompt\", \"completion\"} "
                + "per line, loss on the completion) into a new folder: the embedded trainer as a command, e.g. for "
                + "student.backend: command.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The model folder to start from.")
    Path base;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Prompt/completion JSONL.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the trained model goes.")
    Path out;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "2e-3",
            description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch", defaultValue = "16", description = "Sequences per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (epochs < 1 || batch < 1 || threads < 1 || !(learningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--epochs, --batch and --threads must be at least 1 and "
                    + "--learning-rate above 0");
        }
        List<TrainingExample> examples = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(data);
        } catch (IOException e) {
            throw new ProdaFileException("cannot read " + data + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode line = Json.MAPPER.readTree(lines.get(i));
                if (!line.path("prompt").isTextual() || !line.path("completion").isTextual()) {
                    throw new ProdaFileException(data + ":" + (i + 1) + ": needs text fields prompt and completion");
                }
                examples.add(new TrainingExample(line.path("prompt").asText(), line.path("completion").asText()));
            } catch (IOException e) {
                throw new ProdaFileException(data + ":" + (i + 1) + ": not JSON: " + e.getMessage());
            }
        }
        if (examples.isEmpty()) {
            throw new ProdaFileException("no examples in " + data);
        }
        new DjlStudentEngine(threads).finetune(base, examples, new FinetuneConfig(epochs, batch, learningRate, seed,
                threads), out, ProgressListener.NONE);
        spec.commandLine().getOut().println("train: " + examples.size() + " examples × " + epochs + " epochs → " + out);
        return 0;
    }
}

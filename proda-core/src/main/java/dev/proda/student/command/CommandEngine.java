package dev.proda.student.command;

import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.FinetuneConfig;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentBackend;
import dev.proda.student.StudentEngine;
import dev.proda.student.StudentModel;
import dev.proda.student.TokenCounter;
import dev.proda.student.TrainingExample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code student.backend: command}: fine-tuning runs the user's training command ({@code student.train_command},
 * with {@code {data}}, {@code {base}}, {@code {out}} and {@code {epochs}}, {@code {learning_rate}}, {@code {seed}})
 * on the samples written as prompt/completion JSONL, so any trainer (LLaMA-Factory, TRL, Axolotl, proda's own
 * {@code proda train}) makes V1, V2 … The result is what the command leaves in {@code {out}} (a model folder the
 * scoring backend loads), or the endpoint URL it prints last ({@code http://host:port/v1 [model]}), which is
 * recorded and scored as {@code student.backend: openai} would.
 *
 * <p>V0 and the scoring of model folders are the embedded backend's ({@code djl}); with {@code student.base_url}
 * and {@code student.model} set, V0 is that endpoint's model instead.
 */
public final class CommandEngine implements StudentEngine {
    private static final Pattern ENDPOINT = Pattern.compile("^(https?://\\S+)(?:\\s+(\\S+))?\\s*$");
    private static final String ENDPOINT_FILE = "endpoint.json";
    private static final int ERROR_LINES = 20;

    private final ProdaConfig.Student settings;
    private final StudentEngine folders;
    private final StudentEngine endpoints;
    private final Log log;

    public CommandEngine(ProdaConfig.Student settings, Function<String, String> environment, Log log) {
        this.settings = settings;
        this.folders = StudentBackend.named("djl").engine(settings, environment, log);
        this.endpoints = StudentBackend.named("openai").engine(settings, environment, log);
        this.log = log;
    }

    @Override
    public String name() {
        return "command:" + settings.trainCommand().strip().split("\\s+")[0];
    }

    private boolean endpointBase() {
        return settings.baseUrl() != null && settings.model() != null;
    }

    @Override
    public boolean trainsBase() {
        return !endpointBase();
    }

    @Override
    public void pretrain(List<String> texts, List<String> vocabularyTexts, PretrainConfig config, Path modelDir,
            ProgressListener progress) {
        (endpointBase() ? endpoints : folders).pretrain(texts, vocabularyTexts, config, modelDir, progress);
    }

    @Override
    public void finetune(Path baseDir, List<TrainingExample> examples, FinetuneConfig config, Path outDir,
            ProgressListener progress) {
        Path work;
        try {
            work = Files.createTempDirectory("proda-train-");
        } catch (IOException e) {
            throw new ProdaFileException("cannot make a folder for the training data: " + e.getMessage());
        }
        try {
            Path data = work.resolve("train.jsonl");
            StringBuilder lines = new StringBuilder();
            for (TrainingExample example : examples) {
                lines.append(Json.MAPPER.createObjectNode().put("prompt", example.prompt())
                        .put("completion", example.completion())).append('\n');
            }
            AtomicFiles.writeString(data, lines.toString());
            Files.createDirectories(outDir);
            String command = settings.trainCommand()
                    .replace("{data}", quote(data.toAbsolutePath().toString()))
                    .replace("{base}", quote(baseDir.toAbsolutePath().toString()))
                    .replace("{out}", quote(outDir.toAbsolutePath().toString()))
                    .replace("{epochs}", String.valueOf(config.epochs()))
                    .replace("{learning_rate}", String.format(Locale.ROOT, "%s", config.learningRate()))
                    .replace("{seed}", String.valueOf(config.seed()));
            String printedEndpoint = run(command);
            boolean folder = hasFiles(outDir);
            if (!folder && printedEndpoint == null) {
                throw new ProdaFileException("student.train_command left nothing in " + outDir + " and printed no "
                        + "endpoint URL (a last line like 'http://127.0.0.1:8000/v1 MODEL')");
            }
            if (!folder) {
                Matcher m = ENDPOINT.matcher(printedEndpoint);
                m.matches();
                var record = Json.MAPPER.createObjectNode().put("backend", "openai").put("base_url", m.group(1))
                        .put("model", m.group(2) != null ? m.group(2)
                                : settings.model() != null ? settings.model() : "default");
                if (settings.apiKeyEnv() != null) {
                    record.put("api_key_env", settings.apiKeyEnv());
                }
                AtomicFiles.writeJson(outDir.resolve(ENDPOINT_FILE), record);
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot run student.train_command: " + e.getMessage());
        } finally {
            deleteQuietly(work);
        }
    }

    /** Runs {@code command} through the shell; its standard error passes through; returns the last URL line printed. */
    private String run(String command) throws IOException {
        log.info("compile: running " + command);
        Process process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String endpoint = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                log.info("  " + line);
                tail.add(line);
                if (tail.size() > ERROR_LINES) {
                    tail.remove(0);
                }
                if (ENDPOINT.matcher(line.strip()).matches()) {
                    endpoint = line.strip();
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProdaFileException("interrupted while student.train_command ran");
        }
        if (exit != 0) {
            throw new ProdaFileException("student.train_command failed with exit code " + exit + (tail.isEmpty() ? ""
                    : "; its last output: " + String.join(" | ", tail)));
        }
        return endpoint;
    }

    private static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    @Override
    public TokenCounter tokenCounter(List<String> vocabularyTexts, PretrainConfig config) {
        return (endpointBase() ? endpoints : folders).tokenCounter(vocabularyTexts, config);
    }

    @Override
    public TokenCounter tokenCounter(Path modelDir) {
        return Files.isRegularFile(modelDir.resolve(ENDPOINT_FILE)) ? endpoints.tokenCounter(modelDir)
                : folders.tokenCounter(modelDir);
    }

    @Override
    public StudentModel load(Path modelDir) {
        return Files.isRegularFile(modelDir.resolve(ENDPOINT_FILE)) ? endpoints.load(modelDir) : folders.load(modelDir);
    }
}

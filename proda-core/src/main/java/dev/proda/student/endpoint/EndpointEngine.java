package dev.proda.student.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.endpoint.Throttle;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import dev.proda.project.Log;
import dev.proda.project.ProdaConfig;
import dev.proda.student.FinetuneConfig;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentEngine;
import dev.proda.student.StudentModel;
import dev.proda.student.TokenCounter;
import dev.proda.student.TrainingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code student.backend: openai}: the student is a model behind an OpenAI-compatible endpoint that proda did not
 * train. "Pretraining" V0 records which endpoint and model it is ({@code endpoint.json} in the model folder), so
 * test, debug, blame and cycle reach it as they reach any version; fine-tuning is refused with what to do instead
 * (export the training set for the user's trainer).
 */
public final class EndpointEngine implements StudentEngine {
    static final String FILE = "endpoint.json";
    /** Sub-word tokenizers give more tokens than words and marks; this many per word or mark, rounded up. */
    static final double TOKENS_PER_PIECE = 1.5;
    private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private final ProdaConfig.Student settings;
    private final Function<String, String> environment;
    private final Log log;

    public EndpointEngine(ProdaConfig.Student settings, Function<String, String> environment, Log log) {
        this.settings = settings;
        this.environment = environment;
        this.log = log;
    }

    @Override
    public String name() {
        return "openai:" + settings.model();
    }

    @Override
    public boolean trainsBase() {
        return false;
    }

    /** Records the endpoint as the base model: nothing is trained. */
    @Override
    public void pretrain(List<String> texts, List<String> vocabularyTexts, PretrainConfig config, Path modelDir,
            ProgressListener progress) {
        var record = Json.MAPPER.createObjectNode().put("backend", "openai").put("base_url", settings.baseUrl())
                .put("model", settings.model()).put("api", settings.endpointApi());
        if (settings.apiKeyEnv() != null) {
            record.put("api_key_env", settings.apiKeyEnv()); // the variable's name, never its value
        }
        AtomicFiles.writeJson(modelDir.resolve(FILE), record);
    }

    @Override
    public String cannotFinetune() {
        return "student.backend 'openai' scores a model proda cannot train: write the training set with 'proda export "
                + "sft' and train it with your trainer (LLaMA-Factory, TRL, …), then serve it and test it with 'proda "
                + "test --endpoint', or use student.backend 'command'";
    }

    @Override
    public void finetune(Path baseDir, List<TrainingExample> examples, FinetuneConfig config, Path outDir,
            ProgressListener progress) {
        throw new UnsupportedOperationException(cannotFinetune());
    }

    /**
     * An estimate: the endpoint's tokenizer is not visible, so words and marks are counted and scaled by
     * {@link #TOKENS_PER_PIECE}, generous for the sub-word tokenizers of served models.
     */
    @Override
    public TokenCounter tokenCounter(List<String> vocabularyTexts, PretrainConfig config) {
        return EndpointEngine::estimate;
    }

    @Override
    public TokenCounter tokenCounter(Path modelDir) {
        return EndpointEngine::estimate;
    }

    /**
     * The student behind {@code endpoint} for its API: {@code chat} asks for letters, {@code completions} (any other)
     * scores options by echoed log-probabilities.
     */
    public static StudentModel student(String api, JsonEndpoint endpoint, String model, Throttle throttle) {
        return api.equals("chat") ? new ChatLetterStudent(endpoint, model, throttle)
                : new CompletionsStudent(endpoint, model, throttle);
    }

    static int estimate(String text) {
        Matcher m = PIECE.matcher(text);
        int pieces = 0;
        while (m.find()) {
            pieces++;
        }
        return (int) Math.ceil(pieces * TOKENS_PER_PIECE);
    }

    @Override
    public StudentModel load(Path modelDir) {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProdaFileException("no " + FILE + " in " + modelDir + ": this version was not made with "
                    + "student.backend 'openai' (compile V0 again)");
        }
        JsonNode record;
        try {
            record = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ProdaFileException("cannot read " + file + ": " + e.getMessage());
        }
        String model = record.path("model").asText();
        JsonEndpoint endpoint = JsonEndpoint.create("student", record.path("base_url").asText(), model,
                record.path("api_key_env").isTextual() ? record.path("api_key_env").asText() : null, environment,
                Duration.ofSeconds(120));
        return student(record.path("api").asText("completions"), endpoint, model,
                new Throttle("student", settings.concurrency(), RetryPolicy.standard(3), log));
    }
}

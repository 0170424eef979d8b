package dev.proda.project;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.proda.io.AtomicFiles;
import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code proda.yaml}: everything a run depends on besides the corpus. Missing keys take the defaults
 * below; unknown keys are an error (a typo must not silently fall back to a default).
 */
public record ProdaConfig(String name, Long seed, Teacher teacher, Extraction extract, Student student, Budgets budgets,
        Split split, Controls controls) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "width: 12.5" is a mistake to report, not a 12
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    public ProdaConfig {
        name = name == null ? "proda-project" : name;
        seed = seed == null ? 42L : seed;
        teacher = teacher == null ? Teacher.defaults() : teacher;
        extract = extract == null ? new Extraction(null) : extract;
        student = student == null ? Student.defaults() : student;
        budgets = budgets == null ? Budgets.defaults() : budgets;
        split = split == null ? new Split(null, null) : split;
        controls = controls == null ? new Controls(null, null, null) : controls;
    }

    public static ProdaConfig defaults(String name) {
        return new ProdaConfig(name, null, null, null, null, null, null, null);
    }

    /** The same settings with another student. */
    public ProdaConfig withStudent(Student newStudent) {
        return new ProdaConfig(name, seed, teacher, extract, newStudent, budgets, split, controls);
    }

    /** The same settings with another seed. */
    public ProdaConfig withSeed(long newSeed) {
        return new ProdaConfig(name, newSeed, teacher, extract, student, budgets, split, controls);
    }

    /**
     * Which teacher writes KB nodes (and later samples, items, patches): {@code embedded} (deterministic,
     * offline) or {@code openai}, any OpenAI-compatible chat endpoint.
     *
     * @param baseUrl endpoint root, e.g. {@code https://api.openai.com/v1} (openai only)
     * @param model model name sent with every request (openai only)
     * @param apiKeyEnv name of the environment variable holding the API key; the key itself never
     *     appears in any file or log (openai only; may be null for local servers without keys)
     * @param temperature sampling temperature (part of the response-cache key)
     * @param maxTokens completion token limit per request
     * @param concurrency requests in flight at most
     * @param maxRetries retries on 429, 5xx and time-outs, with exponential backoff
     * @param timeoutSeconds per-request time-out
     * @param reasks re-asks after an answer that fails JSON-schema validation
     * @param chunkChars corpus text per request (passages are never cut mid-paragraph)
     * @param jsonMode send {@code response_format: {"type": "json_object"}}; turn off for servers that
     *     reject it (answers are schema-validated either way)
     */
    public record Teacher(String backend, String baseUrl, String model, String apiKeyEnv, Double temperature,
            Integer maxTokens, Integer concurrency, Integer maxRetries, Double timeoutSeconds, Integer reasks,
            Integer chunkChars, Boolean jsonMode) {
        public Teacher {
            backend = backend == null ? "embedded" : backend;
            if (!backend.equals("embedded") && !backend.equals("openai")) {
                throw new IllegalArgumentException("teacher.backend must be 'embedded' or 'openai', not '"
                        + backend + "'");
            }
            if (backend.equals("openai") && (baseUrl == null || model == null)) {
                throw new IllegalArgumentException("teacher.backend 'openai' needs teacher.base_url and teacher.model");
            }
            temperature = temperature == null ? 0.0 : temperature;
            maxTokens = maxTokens == null ? 2048 : maxTokens;
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("teacher.temperature must be between 0 and 2 (OpenAI's range): "
                        + temperature);
            }
            atLeast("teacher.max_tokens", maxTokens, 1);
            concurrency = concurrency == null ? 4 : concurrency;
            maxRetries = maxRetries == null ? 5 : maxRetries;
            timeoutSeconds = timeoutSeconds == null ? 120.0 : timeoutSeconds;
            reasks = reasks == null ? 2 : reasks;
            chunkChars = chunkChars == null ? 6000 : chunkChars;
            jsonMode = jsonMode == null ? Boolean.TRUE : jsonMode;
            if (concurrency < 1 || maxRetries < 0 || reasks < 0 || chunkChars < 200 || timeoutSeconds <= 0) {
                throw new IllegalArgumentException("teacher: concurrency ≥ 1, max_retries ≥ 0, reasks ≥ 0, "
                        + "chunk_chars ≥ 200 and timeout_seconds > 0 are required");
            }
        }

        static Teacher defaults() {
            return new Teacher(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The embedded teacher's extraction: a statement enters the knowledge base only when its confidence (how
     * strongly the rule that read it and the corpus's use of its terms support it, in [0, 1]) is at least
     * {@code minConfidence}. Raise it for fewer, surer statements; lower it for more.
     */
    public record Extraction(Double minConfidence) {
        public Extraction {
            minConfidence = minConfidence == null ? 0.6 : minConfidence;
            if (minConfidence < 0 || minConfidence > 1) {
                throw new IllegalArgumentException("extract.min_confidence must be between 0 and 1: " + minConfidence);
            }
        }
    }

    /** Shape and schedules of the embedded student (see {@code dev.proda.student}). */
    public record Student(String size, String backend, Integer layers, Integer width, Integer heads, Integer context,
            Integer maxVocabulary, Integer minWordCount, Long pretrainTokens, Integer batchSize,
            Double pretrainLearningRate, Integer finetuneEpochs, Double finetuneLearningRate, Integer repairEpochs,
            Double repairLearningRate, Integer threads, Double finetuneTargetLoss, Integer finetuneMaxEpochs,
            Double generalReplay, Double repairReplay, String baseUrl, String model, String apiKeyEnv,
            Integer concurrency, String trainCommand, String endpointApi) {
        /**
         * The documented student sizes: {@code small} (4 layers × 128 wide, 4 heads: ≈ 1.6 M parameters with the
         * default vocabulary; the demo's size) and {@code base} (6 layers × 256 wide, 8 heads: ≈ 6.3 M). A size
         * sets layers, width and heads; any of the three given explicitly wins.
         */
        public static final Map<String, List<Integer>> SIZES = Map.of("small", List.of(4, 128, 4),
                "base", List.of(6, 256, 8));

        public Student {
            size = size == null ? "small" : size;
            List<Integer> preset = SIZES.get(size);
            if (preset == null) {
                throw new IllegalArgumentException("student.size must be one of " + new java.util.TreeSet<>(SIZES.keySet())
                        + ", not '" + size + "'");
            }
            backend = backend == null ? "djl" : backend;
            layers = layers == null ? preset.get(0) : layers;
            width = width == null ? preset.get(1) : width;
            heads = heads == null ? preset.get(2) : heads;
            // an endpoint's model reads far more than the embedded student's 128 tokens
            context = context == null ? (backend.equals("djl") ? 128 : 2048) : context;
            maxVocabulary = maxVocabulary == null ? 6000 : maxVocabulary;
            minWordCount = minWordCount == null ? 3 : minWordCount;
            pretrainTokens = pretrainTokens == null ? 2_000_000L : pretrainTokens;
            batchSize = batchSize == null ? 32 : batchSize;
            pretrainLearningRate = pretrainLearningRate == null ? 3e-3 : pretrainLearningRate;
            finetuneEpochs = finetuneEpochs == null ? 30 : finetuneEpochs;
            finetuneLearningRate = finetuneLearningRate == null ? 2e-3 : finetuneLearningRate;
            repairEpochs = repairEpochs == null ? 10 : repairEpochs;
            repairLearningRate = repairLearningRate == null ? 1e-3 : repairLearningRate;
            threads = threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
            // V1 must know its samples: training goes on past finetune_epochs, ten epochs at a time, until the
            // mean answer loss of the last steps is at most this (nats per answer token), or max epochs
            finetuneTargetLoss = finetuneTargetLoss == null ? 0.25 : finetuneTargetLoss;
            finetuneMaxEpochs = finetuneMaxEpochs == null ? 60 : finetuneMaxEpochs;
            // general-text lines replayed in every fine-tuning, as a share of its samples (0: none)
            generalReplay = generalReplay == null ? 0.0 : generalReplay;
            if (generalReplay < 0 || generalReplay > 10) {
                throw new IllegalArgumentException("student.general_replay must be between 0 and 10: " + generalReplay);
            }
            // the same in the fine-tunings that start from V1 or later (repair rounds and their controls): they
            // must not cost the general text what V1 kept
            repairReplay = repairReplay == null ? generalReplay : repairReplay;
            if (repairReplay < 0 || repairReplay > 10) {
                throw new IllegalArgumentException("student.repair_replay must be between 0 and 10: " + repairReplay);
            }
            atLeast("student.layers", layers, 1);
            atLeast("student.width", width, 1);
            atLeast("student.heads", heads, 1);
            if (width % heads != 0) {
                throw new IllegalArgumentException("student.width must be a multiple of student.heads: " + width
                        + " and " + heads);
            }
            atLeast("student.context", context, 8);
            atLeast("student.max_vocabulary", maxVocabulary, 16);
            atLeast("student.min_word_count", minWordCount, 1);
            atLeast("student.pretrain_tokens", pretrainTokens, 1);
            atLeast("student.batch_size", batchSize, 1);
            atLeast("student.finetune_epochs", finetuneEpochs, 1);
            atLeast("student.repair_epochs", repairEpochs, 0);
            atLeast("student.threads", threads, 1);
            positive("student.pretrain_learning_rate", pretrainLearningRate);
            positive("student.finetune_learning_rate", finetuneLearningRate);
            positive("student.repair_learning_rate", repairLearningRate);
            if (finetuneTargetLoss <= 0 || finetuneMaxEpochs < finetuneEpochs) {
                throw new IllegalArgumentException("student.finetune_target_loss must be > 0 and "
                        + "student.finetune_max_epochs ≥ student.finetune_epochs");
            }
            // which backends exist is known where they are loaded (dev.proda.student.StudentBackend), not here
            if (backend.isBlank()) {
                throw new IllegalArgumentException("student.backend must name a backend (djl, openai)");
            }
            concurrency = concurrency == null ? 4 : concurrency;
            // completions: options scored by echo + logprobs; chat: a chat-only endpoint names a letter
            endpointApi = endpointApi == null ? "completions" : endpointApi;
            if (!endpointApi.equals("completions") && !endpointApi.equals("chat")) {
                throw new IllegalArgumentException("student.endpoint_api must be 'completions' or 'chat', not '"
                        + endpointApi + "'");
            }
            if (concurrency < 1 || concurrency > 64) {
                throw new IllegalArgumentException("student.concurrency must be between 1 and 64: " + concurrency);
            }
            if (backend.equals("command") && (trainCommand == null || !trainCommand.contains("{out}")
                    || !trainCommand.contains("{data}") || !trainCommand.contains("{base}"))) {
                throw new IllegalArgumentException("student.backend 'command' needs student.train_command with the "
                        + "placeholders {data}, {base} and {out} (e.g. 'proda train --data {data} --base {base} "
                        + "--out {out}')");
            }
            if (backend.equals("openai") && (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank())) {
                throw new IllegalArgumentException("student.backend 'openai' needs student.base_url (e.g. "
                        + "http://127.0.0.1:8000/v1) and student.model (the name the endpoint serves)");
            }
        }

        static Student defaults() {
            return new Student(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The same settings at another size (its preset's layers, width and heads). */
        public Student withSize(String newSize) {
            return new Student(newSize, backend, null, null, null, context, maxVocabulary, minWordCount,
                    pretrainTokens, batchSize, pretrainLearningRate, finetuneEpochs, finetuneLearningRate, repairEpochs,
                    repairLearningRate, threads, finetuneTargetLoss, finetuneMaxEpochs, generalReplay, repairReplay,
                    baseUrl, model, apiKeyEnv, concurrency, trainCommand, endpointApi);
        }
    }

    /**
     * How much of the knowledge base one cycle turns into samples and items (the tiny embedded student
     * cannot learn a whole corpus in minutes; a real trainer would raise these).
     *
     * @param chains chains chosen (seeded) to become items; their statements and concepts become samples
     * @param statements stand-alone (definitional) statements chosen likewise
     * @param generalItems regression items made from the general text
     * @param patchSamplesPerNode repair samples written per responsible node
     */
    public record Budgets(Integer chains, Integer statements, Integer generalItems, Integer patchSamplesPerNode) {
        public Budgets {
            chains = chains == null ? 80 : chains;
            statements = statements == null ? 160 : statements;
            generalItems = generalItems == null ? 120 : generalItems;
            patchSamplesPerNode = patchSamplesPerNode == null ? 4 : patchSamplesPerNode;
            atLeast("budgets.chains", chains, 0);
            atLeast("budgets.statements", statements, 0);
            atLeast("budgets.general_items", generalItems, 0);
            atLeast("budgets.patch_samples_per_node", patchSamplesPerNode, 1);
        }

        static Budgets defaults() {
            return new Budgets(null, null, null, null);
        }
    }

    /**
     * How the benchmark is split. Every tested node has twin items of two forms, one in {@code dev} (what
     * the Debugger sees) and one in {@code test}, so the dev/test proportion follows from the twins.
     *
     * @param dev no longer used (twins fix the proportion); kept so that older proda.yaml files load
     * @param heldOut share of the curriculum's path and procedure chains (seeded choice) whose items all go
     *     to {@code test}: knowledge no repair can target, to measure transfer
     */
    public record Split(Double dev, Double heldOut) {
        public Split {
            dev = dev == null ? 0.5 : dev;
            if (dev <= 0 || dev >= 1) {
                throw new IllegalArgumentException("split.dev must be between 0 and 1: " + dev);
            }
            heldOut = heldOut == null ? 0.2 : heldOut;
            if (heldOut < 0 || heldOut >= 1) {
                throw new IllegalArgumentException("split.held_out must be at least 0 and below 1: " + heldOut);
            }
        }
    }

    /**
     * Control runs beside the first repair round, trained from the same V1 with the same extra epochs:
     * {@code noNewSamples} replays the Builder samples only; {@code untargeted} adds as many samples as
     * the repair wrote, in the same skills but about randomly chosen nodes instead of the failing ones.
     */
    /**
     * @param noNewSamples train V1 on the Builder samples alone, as long as V2
     * @param untargeted train V1 on the Builder samples plus untargeted samples about random dev-visible nodes
     * @param untargetedMultiples the untargeted budgets, as multiples of the round's patch samples (1 and 4)
     */
    public record Controls(Boolean noNewSamples, Boolean untargeted, List<Integer> untargetedMultiples) {
        public Controls {
            noNewSamples = noNewSamples == null ? Boolean.TRUE : noNewSamples;
            untargeted = untargeted == null ? Boolean.TRUE : untargeted;
            untargetedMultiples = untargetedMultiples == null ? List.of(1, 4) : List.copyOf(untargetedMultiples);
            if (untargetedMultiples.stream().anyMatch(m -> m == null || m < 1)) {
                throw new IllegalArgumentException("controls.untargeted_multiples must be whole numbers ≥ 1: "
                        + untargetedMultiples);
            }
        }
    }

    /** A whole-number key below its least sensible value is an error that names the key. */
    static void atLeast(String key, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ": " + value);
        }
    }

    static void positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a number above 0: " + value);
        }
    }

    public static ProdaConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ProdaFileException("no proda.yaml at " + file.getParent() + " (run 'proda init' first)", e);
        } catch (IOException e) {
            throw new ProdaFileException(file + ": " + rootMessage(e), e);
        }
        if (text.isBlank()) {
            return defaults(file.toAbsolutePath().getParent().getFileName().toString());
        }
        try {
            return YAML.readValue(text, ProdaConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String key = ConfigLines.key(e.getPath());
            throw new ProdaFileException(file + ":" + ConfigLines.of(text).lineOf(key, e) + ": unknown key '" + key
                    + "' (known" + (key.contains(".") ? " in " + key.substring(0, key.lastIndexOf('.')) : "") + ": "
                    + String.join(", ", new java.util.TreeSet<>(e.getKnownPropertyIds().stream()
                            .map(String::valueOf).toList())) + ")", e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String key = ConfigLines.key(e.getPath());
            throw new ProdaFileException(file + ":" + ConfigLines.of(text).lineOf(key, e) + ": " + key + " must be "
                    + ConfigLines.expected(e.getTargetType()) + ConfigLines.given(e), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // a record's own check (a range, a choice) thrown from its constructor, or malformed YAML
            String key = ConfigLines.key(e.getPath());
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("^([a-z_]+\\.[a-z_]+) ")
                    .matcher(rootMessage(e));
            if (named.find()) {
                key = named.group(1); // "student.context must be …": the key the check names
            }
            String where = key.isEmpty() ? (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    : ":" + ConfigLines.of(text).lineOf(key, e);
            throw new ProdaFileException(file + where + ": " + rootMessage(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProdaFileException(file + ": " + rootMessage(e), e);
        }
    }

    public void write(Path file) {
        try {
            // layers, width and heads that are the size's own are written empty, so that editing the size alone
            // changes them
            com.fasterxml.jackson.databind.node.ObjectNode tree = YAML.valueToTree(this);
            var studentNode = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("student");
            List<Integer> preset = Student.SIZES.get(student.size());
            List<String> keys = List.of("layers", "width", "heads");
            for (int i = 0; i < keys.size(); i++) {
                if (studentNode.get(keys.get(i)).asInt() == preset.get(i)) {
                    studentNode.putNull(keys.get(i));
                }
            }
            // so is a repair_replay that follows general_replay
            if (student.repairReplay().equals(student.generalReplay())) {
                studentNode.putNull("repair_replay");
            }
            AtomicFiles.writeString(file, "# proda project configuration; every key is optional (defaults shown; "
                    + "student layers, width and heads left empty come from student.size, "
                    + "an empty repair_replay from general_replay)\n"
                    + YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new ProdaFileException("cannot write " + file, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage().lines().findFirst().orElse("");
    }
}

package dev.proda.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.endpoint.Throttle;
import dev.proda.evaluate.Evaluate;
import dev.proda.evaluate.Score;
import dev.proda.evaluate.VersionScores;
import dev.proda.io.Json;
import dev.proda.student.StudentModel;
import dev.proda.student.endpoint.EndpointEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the benchmark on a model version, or on a model behind an OpenAI-compatible endpoint "
                + "(--endpoint): per-item results in target/reports/results-VERSION.jsonl, accuracy per split with "
                + "its chance level.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = {"-m", "--model"}, paramLabel = "VERSION", defaultValue = "V1",
            description = "Version to test (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--fail-under", paramLabel = "ACCURACY",
            description = "Exit with code 3 if test-split accuracy (0..1) is below this.")
    Double failUnder;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Test a model behind an OpenAI-compatible API instead (e.g. http://127.0.0.1:8000/v1: "
                    + "vLLM, llama.cpp's server, proda serve); scored through /completions with echo and logprobs.")
    String endpoint;

    @Option(names = "--endpoint-model", paramLabel = "NAME",
            description = "The model name the endpoint serves; results go to results-NAME.jsonl.")
    String endpointModel;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the endpoint's API key (none by default).")
    String apiKeyEnv;

    @Option(names = "--endpoint-api", paramLabel = "API", defaultValue = "completions",
            description = "completions (options scored by echo and logprobs) or chat (a chat-only endpoint names the "
                    + "letter of its answer; no bits per token) (default: ${DEFAULT-VALUE}).")
    String endpointApi;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Endpoint requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() {
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 1)) {
            throw new UsageError("--fail-under is an accuracy between 0 and 1, not " + failUnder);
        }
        VersionScores scores;
        if (endpoint != null) {
            if (endpointModel == null || !endpointModel.matches("[\\w.:-]+")) {
                throw new ParameterException(project.spec.commandLine(), "--endpoint needs --endpoint-model NAME "
                        + "(letters, digits, '.', ':', '_' or '-')");
            }
            if (concurrency < 1 || concurrency > 64) {
                throw new ParameterException(project.spec.commandLine(), "--concurrency must be between 1 and 64");
            }
            JsonEndpoint client = JsonEndpoint.create("--endpoint", endpoint, endpointModel, apiKeyEnv, System::getenv,
                    Duration.ofSeconds(120));
            if (!endpointApi.equals("completions") && !endpointApi.equals("chat")) {
                throw new ParameterException(project.spec.commandLine(), "--endpoint-api must be completions or chat");
            }
            String label = endpointModel.replace(':', '-');
            Throttle throttle = new Throttle("student", concurrency, RetryPolicy.standard(3), project.log());
            try (StudentModel student = EndpointEngine.student(endpointApi, client, endpointModel, throttle)) {
                scores = Evaluate.run(project.layout(), label, student, List.of(project.layout().tests()), project.log());
            }
        } else {
            Versions.number(version);
            scores = Evaluate.run(project.layout(), version, Engines.student(project.config()), project.log());
        }
        if (project.json) {
            // the result, on stdout (the events went to stderr)
            ObjectNode line = Json.MAPPER.createObjectNode().put("model", scores.name());
            split(line, "dev", scores.dev());
            split(line, "test", scores.test());
            split(line, "general", scores.general());
            if (scores.generalBitsPerToken() != null && !scores.generalBitsPerToken().isNaN()) {
                line.put("general_bits_per_token", scores.generalBitsPerToken());
            }
            project.spec.commandLine().getOut().println(line);
        }
        if (failUnder != null && scores.test().accuracy() < failUnder) {
            project.spec.commandLine().getErr().printf("proda: test accuracy %.3f is below %.3f%n",
                    scores.test().accuracy(), failUnder);
            return Proda.BELOW_THRESHOLD;
        }
        return 0;
    }

    private static void split(ObjectNode line, String name, Score score) {
        line.putObject(name).put("accuracy", score.accuracy()).put("accuracy_norm", score.accuracy_norm())
                .put("n", score.n()).put("chance", score.chance());
    }
}

package dev.proda.cli;

import dev.proda.compile.Compile;
import dev.proda.serve.OpenAiServer;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model version as an OpenAI-compatible API (GET /v1/models, POST /v1/completions "
                + "with echo and logprobs, POST /v1/chat/completions, both with stream) until interrupted. Binds "
                + "127.0.0.1 unless a bearer token is set.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Option(names = {"-m", "--model"}, paramLabel = "VERSION", defaultValue = "V1",
            description = "Version to serve (default: ${DEFAULT-VALUE}); clients name it as the model.")
    String version;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = OpenAiServer.Options.LOOPBACK,
            description = "Address to bind (default: ${DEFAULT-VALUE}); any other needs --token-env.")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8000",
            description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Environment variable holding the bearer token every request must carry.")
    String tokenEnv;

    @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}); larger ones get 413.")
    int maxRequestBytes;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "4",
            description = "Requests answered at once (default: ${DEFAULT-VALUE}); more get 429.")
    int maxConcurrent;

    @Override
    public Integer call() throws InterruptedException {
        String token = null;
        if (tokenEnv != null) {
            token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new ParameterException(project.spec.commandLine(), "--token-env names " + tokenEnv
                        + ", which is not set");
            }
        }
        OpenAiServer.Options options;
        try {
            options = new OpenAiServer.Options(host, port, token, maxRequestBytes, maxConcurrent);
            OpenAiServer.checkExposure(options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(project.spec.commandLine(), e.getMessage());
        }
        Versions.number(version);
        Path model = Compile.requireModel(project.layout(), version);
        try (StudentModel student = Engines.student(project.config()).load(model)) {
            if (!(student instanceof TextModel text)) {
                throw new IllegalArgumentException("the " + version + " student cannot be served: its backend shows no "
                        + "tokens");
            }
            try (OpenAiServer server = OpenAiServer.start(version, text, options)) {
                project.log().info("serve: " + version + " at " + server.baseUrl() + " (Ctrl-C stops)");
                server.join();
            }
        }
        return 0;
    }
}

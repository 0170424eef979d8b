package dev.proda.teacher.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.endpoint.EndpointException;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.io.Json;
import dev.proda.model.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST {base_url}/chat/completions} of the OpenAI chat API over a shared {@link JsonEndpoint}. One
 * exchange per {@link #send}; the caller ({@link ReliableChat}) retries.
 */
public final class OpenAiEndpoint implements ChatEndpoint {
    private final JsonEndpoint endpoint;

    private OpenAiEndpoint(JsonEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * An endpoint for {@code baseUrl} (e.g. {@code https://api.openai.com/v1}).
     *
     * @param apiKeyEnv name of the environment variable holding the key; null for servers without keys
     * @param environment how variables are looked up ({@code System::getenv} outside tests)
     * @throws IllegalArgumentException if the URL is not http(s) or the named variable is unset
     */
    public static OpenAiEndpoint create(String baseUrl, String model, String apiKeyEnv,
            Function<String, String> environment, Duration timeout) {
        return new OpenAiEndpoint(JsonEndpoint.create("teacher", baseUrl, model, apiKeyEnv, environment, timeout));
    }

    /** The endpoint {@code teacher.*} names, with its time-out. */
    static OpenAiEndpoint of(dev.proda.project.ProdaConfig.Teacher config, Function<String, String> environment) {
        return create(config.baseUrl(), config.model(), config.apiKeyEnv(), environment,
                Duration.ofMillis(Math.max(1, Math.round(config.timeoutSeconds() * 1000))));
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public String toString() {
        return endpoint.name();
    }

    @Override
    public ChatAnswer send(ChatRequest request) {
        return parse(endpoint.post("/chat/completions", body(request)));
    }

    private static ObjectNode body(ChatRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxTokens());
        if (request.jsonMode()) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }

    private ChatAnswer parse(JsonNode root) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            String refusal = choice.path("message").path("refusal").asText("");
            throw new EndpointException(name() + " answered without choices[0].message.content"
                    + (refusal.isEmpty() ? "" : " (refusal: " + JsonEndpoint.abbreviate(endpoint.redact(refusal)) + ")"),
                    200, false, null);
        }
        JsonNode usage = root.path("usage");
        ChatAnswer.Usage tokens = usage.isObject()
                ? new ChatAnswer.Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0))
                : null;
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        return new ChatAnswer(content.asText(), finish, tokens);
    }

    /** {@code text} with the API key replaced (servers may echo it back). */
    String redact(String text) {
        return endpoint.redact(text);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        return JsonEndpoint.parseRetryAfter(value);
    }
}

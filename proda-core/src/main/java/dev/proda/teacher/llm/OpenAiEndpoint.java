package dev.proda.teacher.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.io.Json;
import dev.proda.model.Message;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST {base_url}/chat/completions} of the OpenAI chat API, on the JDK {@link HttpClient}
 * (OpenAI, vLLM, llama.cpp's server, Ollama's {@code /v1} …). One exchange per {@link #send}; the
 * caller ({@link ReliableChat}) retries.
 *
 * <p>The API key lives only in this object's {@code authorization} field and in the request header:
 * {@link #name()} and {@link #toString()} never show it, and every server message is passed through
 * {@link #redact} before it becomes an exception message.
 */
public final class OpenAiEndpoint implements ChatEndpoint {
    private static final int MAX_SERVER_MESSAGE = 400;

    private final URI uri;
    private final String name;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    private OpenAiEndpoint(URI uri, String model, String apiKey, Duration timeout) {
        this.uri = uri;
        // scheme, host, port and path only: no user-info or query, where credentials sometimes hide
        String path = uri.getPath().substring(0, uri.getPath().length() - "/chat/completions".length());
        this.name = "openai:" + model + "@" + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // local servers (llama.cpp, vLLM) speak HTTP/1.1
                .connectTimeout(timeout)
                .build();
    }

    /**
     * An endpoint for {@code baseUrl} (e.g. {@code https://api.openai.com/v1}).
     *
     * @param apiKeyEnv name of the environment variable holding the key; null for servers without keys
     * @param environment how variables are looked up ({@code System::getenv} outside tests)
     * @throws IllegalArgumentException if the URL is not http(s) or the named variable is unset (the
     *     message names the variable, never a value)
     */
    public static OpenAiEndpoint create(String baseUrl, String model, String apiKeyEnv,
            Function<String, String> environment, Duration timeout) {
        String root = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(root + "/chat/completions");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("teacher.base_url is not a URL: " + baseUrl);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("teacher.base_url must be an http(s) URL such as "
                    + "https://api.openai.com/v1, not '" + baseUrl + "'");
        }
        String key = null;
        if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            key = environment.apply(apiKeyEnv);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("teacher.api_key_env names the environment variable "
                        + apiKeyEnv + ", which is not set (export it, or remove api_key_env for a server "
                        + "without keys)");
            }
            key = key.strip();
        }
        return new OpenAiEndpoint(uri, model, key, timeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public ChatAnswer send(ChatRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(request)));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ChatException("no answer from " + name + " within " + seconds(timeout) + " s", 0, true, null);
        } catch (ConnectException e) {
            throw new ChatException("cannot connect to " + name + ": " + redact(String.valueOf(e.getMessage())),
                    0, true, null);
        } catch (IOException e) {
            throw new ChatException("exchange with " + name + " failed: " + e.getClass().getSimpleName() + " "
                    + redact(String.valueOf(e.getMessage())), 0, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException("interrupted while waiting for " + name, 0, false, null);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return parse(response.body());
        }
        boolean retriable = status == 408 || status == 409 || status == 429 || status >= 500;
        throw new ChatException("HTTP " + status + " from " + name + ": " + serverMessage(response.body()), status,
                retriable, retryAfter(response).orElse(null));
    }

    private static byte[] body(ChatRequest request) {
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
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChatAnswer parse(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ChatException(name + " answered 2xx with a body that is not JSON: " + abbreviate(redact(body)),
                    200, false, null);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            String refusal = choice.path("message").path("refusal").asText("");
            throw new ChatException(name + " answered without choices[0].message.content"
                    + (refusal.isEmpty() ? "" : " (refusal: " + abbreviate(redact(refusal)) + ")"), 200, false, null);
        }
        JsonNode usage = root.path("usage");
        ChatAnswer.Usage tokens = usage.isObject()
                ? new ChatAnswer.Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0))
                : null;
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        return new ChatAnswer(content.asText(), finish, tokens);
    }

    /** The server's {@code error.message} if the body is OpenAI's error object, else the body, abbreviated. */
    private String serverMessage(String body) {
        String message = body == null ? "" : body.strip();
        try {
            JsonNode error = Json.MAPPER.readTree(message).path("error");
            if (error.path("message").isTextual()) {
                message = error.path("message").asText();
            } else if (error.isTextual()) {
                message = error.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: keep the body as it is
        }
        return message.isEmpty() ? "(empty body)" : abbreviate(redact(message));
    }

    /** {@code text} with every occurrence of the API key replaced (servers may echo it back). */
    String redact(String text) {
        if (apiKey == null || apiKey.isEmpty() || text == null) {
            return text;
        }
        return text.replace(apiKey, "[redacted]");
    }

    /** {@code retry-after-ms} (OpenAI, Azure) or {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> millis = response.headers().firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().strip()))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").flatMap(OpenAiEndpoint::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(text) * 1000))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_SERVER_MESSAGE ? oneLine : oneLine.substring(0, MAX_SERVER_MESSAGE) + "…";
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }
}

package dev.proda.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
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
 * JSON over {@code POST {base_url}/<path>} of an OpenAI-compatible API (OpenAI, vLLM, llama.cpp's server,
 * Ollama's {@code /v1}, {@code proda serve}) on the JDK {@link HttpClient}: one exchange per {@link #post},
 * failures mapped to {@link EndpointException} with whether a retry may help. The teacher's chat and the
 * student's scoring share it, so keys, time-outs and error messages behave the same on both sides.
 *
 * <p>The API key lives only in this object's {@code apiKey} field and in the request header: {@link #name()}
 * and {@link #toString()} never show it, and every server message is passed through {@link #redact} before it
 * becomes an exception message.
 */
public final class JsonEndpoint {
    private static final int MAX_SERVER_MESSAGE = 400;

    private final String root;
    private final String name;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    private JsonEndpoint(String root, URI uri, String model, String apiKey, Duration timeout) {
        this.root = root;
        // scheme, host, port and path only: no user-info or query, where credentials sometimes hide
        this.name = "openai:" + model + "@" + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath();
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
     * @param setting the configuration section the values come from ("teacher", "student"), for messages
     * @param apiKeyEnv name of the environment variable holding the key; null for servers without keys
     * @param environment how variables are looked up ({@code System::getenv} outside tests)
     * @throws IllegalArgumentException if the URL is not http(s) or the named variable is unset (the
     *     message names the variable, never a value)
     */
    public static JsonEndpoint create(String setting, String baseUrl, String model, String apiKeyEnv,
            Function<String, String> environment, Duration timeout) {
        String root = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ".base_url is not a URL: " + baseUrl);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + ".base_url must be an http(s) URL such as "
                    + "https://api.openai.com/v1, not '" + baseUrl + "'");
        }
        String key = null;
        if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            key = environment.apply(apiKeyEnv);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(setting + ".api_key_env names the environment variable "
                        + apiKeyEnv + ", which is not set (export it, or remove api_key_env for a server "
                        + "without keys)");
            }
            key = key.strip();
        }
        return new JsonEndpoint(root, uri, model, key, timeout);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Sends {@code body} to {@code path} (e.g. {@code "/completions"}) once.
     *
     * @return the parsed 2xx answer
     * @throws EndpointException when the exchange fails; {@link EndpointException#retriable()} says whether to retry
     */
    public JsonNode post(String path, JsonNode body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new EndpointException("no answer from " + name + " within " + seconds(timeout) + " s", 0, true, null);
        } catch (ConnectException e) {
            throw new EndpointException("cannot connect to " + name + ": " + redact(String.valueOf(e.getMessage())),
                    0, true, null);
        } catch (IOException e) {
            throw new EndpointException("exchange with " + name + " failed: " + e.getClass().getSimpleName() + " "
                    + redact(String.valueOf(e.getMessage())), 0, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("interrupted while waiting for " + name, 0, false, null);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retriable = status == 408 || status == 409 || status == 429 || status >= 500;
            throw new EndpointException("HTTP " + status + " from " + name + ": " + serverMessage(response.body()),
                    status, retriable, retryAfter(response).orElse(null));
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            // a body cut off on the way (a proxy, a restart) is worth another try; one that stays broken fails
            throw new EndpointException(name + " answered 2xx with a body that is not JSON: "
                    + abbreviate(redact(response.body())), 200, true, null);
        }
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
    public String redact(String text) {
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
        return response.headers().firstValue("retry-after").flatMap(JsonEndpoint::parseRetryAfter);
    }

    public static Optional<Duration> parseRetryAfter(String value) {
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

    /** One line, at most a few hundred characters: server text in an exception message. */
    public static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_SERVER_MESSAGE ? oneLine : oneLine.substring(0, MAX_SERVER_MESSAGE) + "…";
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }
}

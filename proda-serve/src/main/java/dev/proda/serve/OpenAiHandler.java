package dev.proda.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.compile.PromptFormat;
import dev.proda.io.Json;
import dev.proda.model.Message;
import dev.proda.student.TextModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The routes of {@link OpenAiServer}: request checks, then the model under one lock (it is no thread pool). */
final class OpenAiHandler extends Handler.Abstract {
    /** The most tokens one request may ask to be written. */
    static final int MAX_TOKENS_LIMIT = 4096;
    private static final int MAX_STOPS = 4;

    private final String name;
    private final TextModel model;
    private final OpenAiServer.Options options;
    private final Semaphore inFlight;
    private final ReentrantLock modelLock = new ReentrantLock(true);
    private final long created = System.currentTimeMillis() / 1000;

    OpenAiHandler(String name, TextModel model, OpenAiServer.Options options) {
        this.name = name;
        this.model = model;
        this.options = options;
        this.inFlight = new Semaphore(options.maxConcurrent());
    }

    /** A request the client got wrong: its status, OpenAI error type and message. */
    private static final class ApiError extends RuntimeException {
        final int status;
        final String type;
        final String param;

        ApiError(int status, String type, String param, String message) {
            super(message);
            this.status = status;
            this.type = type;
            this.param = param;
        }

        static ApiError invalid(String param, String message) {
            return new ApiError(400, "invalid_request_error", param, message);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            authorize(request);
            String path = request.getHttpURI().getPath().replaceAll("/+$", "");
            switch (path) {
                case "/v1/models" -> {
                    method(request, "GET");
                    json(response, callback, 200, models());
                }
                case "/v1/completions", "/v1/chat/completions" -> {
                    method(request, "POST");
                    JsonNode body = body(request);
                    if (!inFlight.tryAcquire()) {
                        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                        throw new ApiError(429, "rate_limit_error", null, "too many requests at once (at most "
                                + options.maxConcurrent() + "); retry shortly");
                    }
                    try {
                        if (path.endsWith("/chat/completions")) {
                            chat(body, response, callback);
                        } else {
                            completions(body, response, callback);
                        }
                    } finally {
                        inFlight.release();
                    }
                }
                default -> throw new ApiError(404, "invalid_request_error", null, "no route " + path
                        + " (this server has /v1/models, /v1/completions and /v1/chat/completions)");
            }
        } catch (ApiError e) {
            error(response, callback, e.status, e.type, e.param, e.getMessage());
        } catch (RuntimeException | IOException e) {
            error(response, callback, 500, "server_error", null, "the model failed: " + e.getMessage());
        }
        return true;
    }

    private void authorize(Request request) {
        if (options.bearerToken() == null) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + options.bearerToken()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) { // constant time: no timing hints about the token
            throw new ApiError(401, "authentication_error", null, "missing or wrong bearer token");
        }
    }

    private static void method(Request request, String expected) {
        if (!request.getMethod().equals(expected)) {
            throw new ApiError(405, "invalid_request_error", null, request.getMethod() + " is not allowed here; use "
                    + expected);
        }
    }

    /** The JSON body, refused above the size limit before it is read whole. */
    private JsonNode body(Request request) throws IOException {
        long length = request.getLength();
        if (length > options.maxRequestBytes()) {
            throw new ApiError(413, "invalid_request_error", null, "request of " + length + " bytes is over the limit of "
                    + options.maxRequestBytes());
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(options.maxRequestBytes() + 1);
        }
        if (bytes.length > options.maxRequestBytes()) {
            throw new ApiError(413, "invalid_request_error", null, "request is over the limit of "
                    + options.maxRequestBytes() + " bytes");
        }
        try {
            JsonNode body = Json.MAPPER.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw ApiError.invalid(null, "the body must be a JSON object");
            }
            String asked = body.path("model").asText(name);
            if (!asked.equals(name)) {
                throw new ApiError(404, "invalid_request_error", "model", "model '" + asked + "' is not served here (only '"
                        + name + "')");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(null, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode models() {
        ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", name).put("object", "model").put("created", created)
                .put("owned_by", "proda");
        return list;
    }

    /** The generation settings every route shares, checked. */
    private record Settings(int maxTokens, double temperature, long seed, List<String> stops, boolean stream) {
    }

    private static Settings settings(JsonNode body, int defaultMaxTokens) {
        int maxTokens = integer(body, "max_tokens", body.has("max_completion_tokens")
                ? integer(body, "max_completion_tokens", defaultMaxTokens) : defaultMaxTokens);
        if (maxTokens < 0 || maxTokens > MAX_TOKENS_LIMIT) {
            throw ApiError.invalid("max_tokens", "max_tokens must be between 0 and " + MAX_TOKENS_LIMIT);
        }
        JsonNode t = body.path("temperature");
        double temperature = t.isMissingNode() || t.isNull() ? 1.0 : t.asDouble(Double.NaN);
        if (!t.isMissingNode() && !t.isNull() && !t.isNumber() || !(temperature >= 0 && temperature <= 2)) {
            throw ApiError.invalid("temperature", "temperature must be a number between 0 and 2");
        }
        if (integer(body, "n", 1) != 1) {
            throw ApiError.invalid("n", "only n = 1 is served");
        }
        long seed = body.path("seed").isIntegralNumber() ? body.path("seed").asLong() : 0L;
        List<String> stops = new ArrayList<>();
        JsonNode stop = body.path("stop");
        if (stop.isTextual()) {
            stops.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> {
                if (!s.isTextual()) {
                    throw ApiError.invalid("stop", "stop must be a string or a list of strings");
                }
                stops.add(s.asText());
            });
        } else if (!stop.isMissingNode() && !stop.isNull()) {
            throw ApiError.invalid("stop", "stop must be a string or a list of strings");
        }
        if (stops.size() > MAX_STOPS || stops.stream().anyMatch(String::isEmpty)) {
            throw ApiError.invalid("stop", "at most " + MAX_STOPS + " non-empty stop strings");
        }
        return new Settings(maxTokens, temperature, seed, stops, body.path("stream").asBoolean(false));
    }

    private static int integer(JsonNode body, String field, int absent) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.invalid(field, field + " must be an integer");
        }
        return value.asInt();
    }

    /** Written text cut at the first stop string, and whether a stop cut it. */
    private record Written(String text, List<TextModel.TokenLogprob> tokens, String finishReason) {
    }

    /**
     * Writes after {@code prompt}, passing each token's text on as long as no stop string has appeared; the
     * text and tokens end before the first stop string.
     */
    private Written write(String prompt, Settings settings, Consumer<String> onText) {
        List<TextModel.TokenLogprob> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean[] stopped = {false};
        TextModel.Generation generation = locked(() -> model.generate(prompt, settings.maxTokens(),
                settings.temperature(), settings.seed(), token -> {
                if (stopped[0]) {
                    return;
                }
                int before = text.length();
                text.append(token.text());
                int cut = firstStop(text, settings.stops());
                if (cut >= 0) {
                    stopped[0] = true;
                    text.setLength(cut);
                    if (cut > before) {
                        onText.accept(text.substring(before));
                    }
                    return;
                }
                kept.add(token);
                onText.accept(token.text());
            }));
        String finish = stopped[0] ? "stop" : generation.finishReason();
        return new Written(text.toString(), kept, finish);
    }

    private static int firstStop(CharSequence text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = text.toString().indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private void completions(JsonNode body, Response response, Callback callback) throws IOException {
        Settings settings = settings(body, 16);
        List<String> prompts = new ArrayList<>();
        JsonNode prompt = body.path("prompt");
        if (prompt.isTextual()) {
            prompts.add(prompt.asText());
        } else if (prompt.isArray() && !prompt.isEmpty() && allText(prompt)) {
            prompt.forEach(p -> prompts.add(p.asText()));
        } else {
            throw ApiError.invalid("prompt", "prompt must be a string or a non-empty list of strings (token ids are "
                    + "not taken: this model's tokenizer is its own)");
        }
        boolean echo = body.path("echo").asBoolean(false);
        JsonNode logprobsField = body.path("logprobs");
        boolean logprobs = !logprobsField.isMissingNode() && !logprobsField.isNull();
        if (logprobs && (!logprobsField.isIntegralNumber() || logprobsField.asInt() < 0 || logprobsField.asInt() > 5)) {
            throw ApiError.invalid("logprobs", "logprobs must be an integer between 0 and 5");
        }
        String id = "cmpl-" + UUID.randomUUID();
        if (settings.stream()) {
            if (prompts.size() != 1) {
                throw ApiError.invalid("prompt", "stream takes one prompt");
            }
            Sse sse = new Sse(response);
            if (echo) {
                sse.send(completionChunk(id, prompts.get(0), null));
            }
            Written written = write(prompts.get(0), settings, text -> sse.send(completionChunk(id, text, null)));
            sse.send(completionChunk(id, "", written.finishReason()));
            sse.done(callback);
            return;
        }
        ObjectNode answer = envelope(id, "text_completion");
        ArrayNode choices = answer.putArray("choices");
        long promptTokens = 0;
        long completionTokens = 0;
        for (int i = 0; i < prompts.size(); i++) {
            String text = prompts.get(i);
            // the prompt is run through the model only when its tokens' log-probabilities are asked for
            List<TextModel.TokenLogprob> echoed = echo && logprobs ? locked(() -> model.echo(text)) : List.of();
            Written written = settings.maxTokens() == 0 ? new Written("", List.of(), "length")
                    : write(text, settings, t -> { });
            ObjectNode choice = choices.addObject().put("text", (echo ? text : "") + written.text()).put("index", i);
            if (logprobs) {
                List<TextModel.TokenLogprob> tokens = new ArrayList<>(echoed);
                tokens.addAll(written.tokens());
                choice.set("logprobs", legacyLogprobs(tokens));
            } else {
                choice.putNull("logprobs");
            }
            choice.put("finish_reason", written.finishReason());
            promptTokens += locked(() -> model.promptTokens(text));
            completionTokens += written.tokens().size();
        }
        answer.set("usage", usage(promptTokens, completionTokens));
        json(response, callback, 200, answer);
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode node : array) {
            if (!node.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The completions API's logprobs object: tokens, token_logprobs, top_logprobs and text_offset. */
    private static ObjectNode legacyLogprobs(List<TextModel.TokenLogprob> tokens) {
        ObjectNode logprobs = Json.MAPPER.createObjectNode();
        ArrayNode texts = logprobs.putArray("tokens");
        ArrayNode values = logprobs.putArray("token_logprobs");
        ArrayNode tops = logprobs.putArray("top_logprobs");
        ArrayNode offsets = logprobs.putArray("text_offset");
        for (TextModel.TokenLogprob token : tokens) {
            texts.add(token.text());
            values.add(token.logprob());
            tops.addObject().put(token.top(), token.topLogprob());
            offsets.add(token.offset());
        }
        return logprobs;
    }

    private ObjectNode completionChunk(String id, String text, String finishReason) {
        ObjectNode chunk = envelope(id, "text_completion");
        ObjectNode choice = chunk.putArray("choices").addObject().put("text", text).put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    private void chat(JsonNode body, Response response, Callback callback) throws IOException {
        Settings settings = settings(body, 256);
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalid("messages", "messages must be a non-empty list");
        }
        List<Message> turns = new ArrayList<>();
        for (JsonNode m : messages) {
            if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
                throw ApiError.invalid("messages", "each message needs a role and text content");
            }
            turns.add(new Message(m.path("role").asText(), m.path("content").asText()));
        }
        String prompt;
        try {
            prompt = PromptFormat.conversation(turns);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("messages", e.getMessage());
        }
        boolean logprobs = body.path("logprobs").asBoolean(false);
        String id = "chatcmpl-" + UUID.randomUUID();
        if (settings.stream()) {
            Sse sse = new Sse(response);
            sse.send(chatChunk(id, Json.MAPPER.createObjectNode().put("role", "assistant").put("content", ""), null));
            boolean[] first = {true};
            Written written = write(prompt, settings, text -> {
                String piece = first[0] ? text.stripLeading() : text;
                first[0] = false;
                sse.send(chatChunk(id, Json.MAPPER.createObjectNode().put("content", piece), null));
            });
            sse.send(chatChunk(id, Json.MAPPER.createObjectNode(), written.finishReason()));
            sse.done(callback);
            return;
        }
        Written written = write(prompt, settings, t -> { });
        ObjectNode answer = envelope(id, "chat.completion");
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", written.text().stripLeading());
        if (logprobs) {
            ArrayNode content = choice.putObject("logprobs").putArray("content");
            for (TextModel.TokenLogprob token : written.tokens()) {
                ObjectNode entry = content.addObject().put("token", token.text()).put("logprob", token.logprob());
                entry.putArray("top_logprobs").addObject().put("token", token.top()).put("logprob", token.topLogprob());
            }
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", written.finishReason());
        answer.set("usage", usage(locked(() -> model.promptTokens(prompt)), written.tokens().size()));
        json(response, callback, 200, answer);
    }

    private ObjectNode chatChunk(String id, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(id, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    /** What every answer and chunk opens with: its id, kind, time and the model's name. */
    private ObjectNode envelope(String id, String object) {
        return Json.MAPPER.createObjectNode().put("id", id).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", name);
    }

    /** {@code work} on the model, one request at a time. */
    private <T> T locked(java.util.function.Supplier<T> work) {
        modelLock.lock();
        try {
            return work.get();
        } finally {
            modelLock.unlock();
        }
    }

    private static ObjectNode usage(long prompt, long completion) {
        return Json.MAPPER.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** Server-sent events: each {@code data:} line written and flushed as it comes, then {@code [DONE]}. */
    private static final class Sse {
        private final Response response;

        Sse(Response response) {
            this.response = response;
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        }

        void send(JsonNode event) {
            try {
                Content.Sink.write(response, false, ByteBuffer.wrap(("data: " + Json.MAPPER.writeValueAsString(event)
                        + "\n\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the client went away: " + e.getMessage(), e);
            }
        }

        void done(Callback callback) {
            Content.Sink.write(response, true, "data: [DONE]\n\n", callback);
        }
    }

    private static void json(Response response, Callback callback, int status, JsonNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        try {
            Content.Sink.write(response, true, Json.MAPPER.writeValueAsString(body), callback);
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }

    private static void error(Response response, Callback callback, int status, String type, String param,
            String message) {
        if (response.isCommitted()) {
            callback.failed(new IOException(message)); // a stream already under way can only be cut
            return;
        }
        ObjectNode error = Json.MAPPER.createObjectNode();
        ObjectNode detail = error.putObject("error").put("message", message).put("type", type);
        if (param == null) {
            detail.putNull("param");
        } else {
            detail.put("param", param);
        }
        detail.putNull("code");
        json(response, callback, status, error);
    }
}

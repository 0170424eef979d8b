package dev.proda.teacher.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.proda.io.Json;
import dev.proda.model.Message;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One chat completion request: everything that decides the answer, and nothing else (no endpoint, no
 * key), so that {@link #cacheKey()} identifies the answer.
 *
 * @param jsonMode ask for {@code response_format: {"type": "json_object"}}
 */
public record ChatRequest(String model, List<Message> messages, double temperature, int maxTokens,
        boolean jsonMode) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }

    /** This conversation continued by the assistant's {@code answer} and a new user message. */
    public ChatRequest followedBy(String answer, String userMessage) {
        List<Message> longer = new ArrayList<>(messages);
        longer.add(new Message("assistant", answer));
        longer.add(new Message("user", userMessage));
        return new ChatRequest(model, longer, temperature, maxTokens, jsonMode);
    }

    /** SHA-256 (hex) of the request's canonical JSON: model, messages and parameters. */
    public String cacheKey() {
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(this);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Characters of all messages (for logs; no tokenizer is assumed). */
    public int characters() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }
}

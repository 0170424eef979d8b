package dev.proda.teacher.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Answers on disk, one JSON file per {@link ChatRequest#cacheKey()} under {@code target/cache/llm/}
 * (two-letter sub-folders), so that a rerun of the same requests makes no call. Each file holds the
 * request (model, messages, parameters: no endpoint, no key) beside the answer, to be read by people.
 * Every answer that arrived is kept, valid or not: a re-ask is a different request, so a rerun replays
 * the same conversation. A file that cannot be read is a miss (and is overwritten).
 */
public final class ResponseCache {
    /** What one cache file holds. */
    public record Entry(String key, ChatRequest request, ChatAnswer answer) {
    }

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Optional<ChatAnswer> get(ChatRequest request) {
        String key = request.cacheKey();
        Path file = file(key);
        try {
            Entry entry = Json.MAPPER.readValue(Files.readAllBytes(file), Entry.class);
            return entry.key().equals(key) && entry.request().equals(request) ? Optional.of(entry.answer())
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void put(ChatRequest request, ChatAnswer answer) {
        String key = request.cacheKey();
        try {
            byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Entry(key, request, answer));
            AtomicFiles.write(file(key), out -> out.write(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}

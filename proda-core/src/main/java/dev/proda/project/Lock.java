package dev.proda.project;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proda.io.AtomicFiles;
import dev.proda.io.Json;
import dev.proda.io.ProdaFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code proda.lock}: per stage, the content hashes of what it read and wrote, its seed and when it ran,
 * so that every artefact says how it was made. Paths are relative to the project root; a folder is
 * hashed file by file.
 */
public final class Lock {
    /** One stage's entry. */
    public record Entry(Map<String, String> inputs, Map<String, String> outputs, long seed, String finished) {
    }

    private Lock() {
    }

    /** Records that {@code stage} read {@code inputs} and wrote {@code outputs} (files or folders). */
    public static void record(ProjectLayout layout, String stage, long seed, List<Path> inputs, List<Path> outputs) {
        Map<String, Entry> entries = read(layout);
        entries.put(stage, new Entry(hashes(layout, inputs), hashes(layout, outputs), seed, Instant.now().toString()));
        try {
            AtomicFiles.writeString(layout.lock(), Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(entries) + "\n");
        } catch (IOException e) {
            throw new ProdaFileException("cannot write " + layout.lock(), e);
        }
    }

    public static Map<String, Entry> read(ProjectLayout layout) {
        if (!Files.isRegularFile(layout.lock())) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(Json.MAPPER.readValue(layout.lock().toFile(), new TypeReference<Map<String, Entry>>() {
            }));
        } catch (IOException e) {
            throw new ProdaFileException(layout.lock() + ": not a valid lock file (" + e.getMessage()
                    .lines().findFirst().orElse("") + "); delete it to start afresh", e);
        }
    }

    private static Map<String, String> hashes(ProjectLayout layout, List<Path> paths) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path path : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (var walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ProdaFileException("cannot list " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            for (Path file : files) {
                hashes.put(layout.root().relativize(file.toAbsolutePath().normalize()).toString(), sha256(file));
            }
        }
        return hashes;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ProdaFileException("cannot hash " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.proda.student.djl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Layout of a saved model directory and how it is written.
 *
 * <pre>
 * model-dir/
 *   config.json      shape + training provenance ({@link ModelConfig})
 *   tokenizer.json   vocabulary in id order ({@link WordTokenizer})
 *   parameters.bin   DJL Block.saveParameters stream of the {@link GptModel}
 * </pre>
 *
 * A directory is written complete into a temporary sibling and then renamed into place, so readers
 * never see a half-written model; an existing directory is replaced.
 */
public final class ModelFiles {

    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String PARAMETERS = "parameters.bin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() { }

    /** Writes the files of a model into a directory. */
    @FunctionalInterface
    interface Writer {
        void write(Path directory) throws IOException;
    }

    /** Runs {@code writer} on a fresh temporary sibling of {@code target}, then moves it to {@code target}. */
    static void writeAtomically(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temporary = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
        Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temporary);
            writer.write(temporary);
            boolean replacing = Files.exists(absolute);
            if (replacing) {
                // A directory rename cannot replace a non-empty directory: move the old one aside first.
                move(absolute, old);
            }
            move(temporary, absolute);
            if (replacing) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            try {
                deleteRecursively(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write model directory " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void writeConfig(Path directory, ModelConfig config) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(CONFIG).toFile(), config);
    }

    /** Reads {@code config.json} of a saved model. */
    public static ModelConfig readConfig(Path directory) {
        Path file = directory.resolve(CONFIG);
        try {
            ModelConfig config = JSON.readValue(file.toFile(), ModelConfig.class);
            if (!ModelConfig.FORMAT.equals(config.format())) {
                throw new IllegalArgumentException("not a " + ModelConfig.FORMAT + " model: " + directory);
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

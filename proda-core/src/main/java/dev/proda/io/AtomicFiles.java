package dev.proda.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files through a temp file in the same folder and a rename, so readers never see a partial file. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            usualPermissions(temp, target);
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.writeTo(out);
            }
            move(temp, target);
        } catch (IOException e) {
            throw new ProdaFileException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code value} as indented JSON in proda's one mapping ({@link Json}), ending in a newline. */
    public static void writeJson(Path target, Object value) {
        write(target, out -> {
            out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            out.write('\n');
        });
    }

    /** Moves {@code source} over {@code target} atomically where the file system allows. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code dir} and everything under it; nothing if it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Permissions a plain new file gets under this process's umask, found once by creating one. */
    private static volatile java.util.Set<java.nio.file.attribute.PosixFilePermission> plainFile;

    /**
     * A temp file is created readable by its owner only (0600); the file it becomes keeps the permissions the target
     * had, or those any new file gets (the umask's), so that outputs are as readable as the user's other files.
     */
    private static void usualPermissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        if (Files.exists(target)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            return;
        }
        if (plainFile == null) {
            Path probe = temp.resolveSibling(temp.getFileName() + ".mode.tmp"); // a temp too, if a kill leaves it
            Files.createFile(probe);
            try {
                plainFile = Files.getPosixFilePermissions(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        Files.setPosixFilePermissions(temp, plainFile);
    }

    /** Whether {@code file} is named like one of {@link #write}'s temp files ({@code .name.123.tmp}). */
    public static boolean isTemp(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /**
     * Deletes the temp files a killed writer left: under {@code path} if it is a folder, or beside it (named
     * after it) if it is a file. Nothing if it does not exist.
     */
    public static void removeStaleTemps(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (var files = Files.walk(path)) {
                    for (Path file : files.filter(f -> isTemp(f) && Files.isRegularFile(f)).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                return;
            }
            Path dir = path.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                return;
            }
            String prefix = "." + path.getFileName() + ".";
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(f -> isTemp(f) && f.getFileName().toString().startsWith(prefix))
                        .toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new ProdaFileException("cannot clean up temp files of " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

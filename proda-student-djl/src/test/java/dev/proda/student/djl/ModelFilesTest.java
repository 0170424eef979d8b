package dev.proda.student.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @Test
    void replacesAnExistingDirectoryAndLeavesNoTemporaries(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model");
        ModelFiles.writeAtomically(target, d -> Files.writeString(d.resolve("a.txt"), "old"));
        ModelFiles.writeAtomically(target, d -> Files.writeString(d.resolve("b.txt"), "new"));
        assertFalse(Files.exists(target.resolve("a.txt")));
        assertEquals("new", Files.readString(target.resolve("b.txt")));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aFailedWriteKeepsTheOldDirectory(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("model");
        ModelFiles.writeAtomically(target, d -> Files.writeString(d.resolve("a.txt"), "old"));
        assertThrows(UncheckedIOException.class, () -> ModelFiles.writeAtomically(target, d -> {
            Files.writeString(d.resolve("partial.txt"), "x");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of(target), list(dir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}

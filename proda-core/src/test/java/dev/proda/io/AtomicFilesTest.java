package dev.proda.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** Outputs went through a 0600 temp file and stayed 0600: others in the team could not read a project's kb/. */
    @Test
    void aNewFileGetsTheUmasksPermissionsAndARewrittenOneKeepsItsOwn() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        Path written = dir.resolve("kb/statements.jsonl");
        Jsonl.write(written, List.of("a", "b"));
        assertEquals(usual, Files.getPosixFilePermissions(written), "as any new file under this umask");

        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(written, chosen);
        Jsonl.write(written, List.of("c"));
        assertEquals(chosen, Files.getPosixFilePermissions(written), "a rewrite keeps what the user set");
        try (var left = Files.list(written.getParent())) {
            assertEquals(List.of(written), left.toList(), "no temp or probe file is left");
        }
    }
}

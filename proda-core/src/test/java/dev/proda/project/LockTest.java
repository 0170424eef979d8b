package dev.proda.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proda.io.ProdaFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockTest {
    @TempDir
    Path dir;

    @Test
    void recordsContentHashesPerStage() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.corpus().resolve("bio"));
        Files.writeString(layout.corpus().resolve("bio/a.txt"), "Cells divide.");
        Files.createDirectories(layout.kb());
        Files.writeString(layout.concepts(), "{}\n");
        Lock.record(layout, "extract", 42, List.of(layout.corpus()), List.of(layout.kb()));
        Lock.Entry first = Lock.read(layout).get("extract");
        assertEquals(Set.of("corpus/bio/a.txt"), first.inputs().keySet());
        assertEquals(Set.of("kb/concepts.jsonl"), first.outputs().keySet());
        assertEquals(42, first.seed());

        Files.writeString(layout.corpus().resolve("bio/a.txt"), "Cells divide by mitosis.");
        Lock.record(layout, "build", 42, List.of(layout.kb()), List.of());
        Lock.record(layout, "extract", 42, List.of(layout.corpus()), List.of(layout.kb()));
        assertEquals(Set.of("build", "extract"), Lock.read(layout).keySet());
        assertNotEquals(first.inputs(), Lock.read(layout).get("extract").inputs());
        assertEquals(first.outputs(), Lock.read(layout).get("extract").outputs());
    }

    @Test
    void corruptLockIsAClearError() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.writeString(layout.lock(), "{ not json");
        assertThrows(ProdaFileException.class, () -> Lock.read(layout));
    }
}

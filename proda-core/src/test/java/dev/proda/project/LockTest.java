package dev.proda.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aStageIsUnchangedOnlyWhileItsInputsAndOutputsAreAsRecorded() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.corpus());
        Files.writeString(layout.corpus().resolve("a.txt"), "Cells divide.");
        Files.createDirectories(layout.kb());
        Files.writeString(layout.concepts(), "{}\n");
        List<Path> in = List.of(layout.corpus());
        List<Path> out = List.of(layout.kb());
        assertTrue(Lock.unchanged(layout, "extract", in, out).isEmpty(), "never ran");
        Lock.record(layout, "extract", 42, in, out);
        assertTrue(Lock.unchanged(layout, "extract", in, out).isPresent());
        assertTrue(Lock.unchanged(layout, "build", in, out).isEmpty(), "another stage");

        Files.writeString(layout.concepts(), "{\"edited\": true}\n");
        assertTrue(Lock.unchanged(layout, "extract", in, out).isEmpty(), "an output edited by hand");
        Lock.record(layout, "extract", 42, in, out);
        Files.writeString(layout.corpus().resolve("b.txt"), "Atoms bond.");
        assertTrue(Lock.unchanged(layout, "extract", in, out).isEmpty(), "a document added");
        Lock.record(layout, "extract", 42, in, out);
        Files.delete(layout.concepts());
        assertTrue(Lock.unchanged(layout, "extract", in, out).isEmpty(), "the output deleted");
    }

    @Test
    void contentHashOfAFolderCoversNamesAndContents() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve("x.txt"), "1");
        String first = Lock.contentHash(a);
        assertEquals(first, Lock.contentHash(a));
        Files.move(a.resolve("x.txt"), a.resolve("y.txt"));
        assertNotEquals(first, Lock.contentHash(a));
        Files.writeString(a.resolve("y.txt"), "2");
        Files.move(a.resolve("y.txt"), a.resolve("x.txt"));
        assertNotEquals(first, Lock.contentHash(a));
    }

    @Test
    void corruptLockIsAClearError() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.writeString(layout.lock(), "{ not json");
        assertThrows(ProdaFileException.class, () -> Lock.read(layout));
    }

    @Test
    void aStageBetweenBeginAndRecordIsInProgressAndNeverUpToDate() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.corpus());
        Files.writeString(layout.corpus().resolve("a.txt"), "Cells divide.");
        Files.createDirectories(layout.kb());
        Files.writeString(layout.concepts(), "{}\n");
        List<Path> in = List.of(layout.corpus());
        List<Path> out = List.of(layout.kb());
        Lock.record(layout, "extract", 42, in, out);
        Lock.begin(layout, "extract", out);
        Lock.Entry running = Lock.read(layout).get("extract");
        assertEquals(null, running.finished());
        assertEquals(Set.of("kb"), running.outputs().keySet());
        assertTrue(Lock.unchanged(layout, "extract", in, out).isEmpty(), "outputs as before, but a run began");
        assertFalse(Lock.upToDate(layout, "extract", in, out, false, Log.SILENT));
        var e = assertThrows(ProdaFileException.class, () -> Lock.requireComplete(layout, layout.kb()));
        assertTrue(e.getMessage().startsWith("kb/ is from an interrupted extract"), e.getMessage());
        Lock.requireComplete(layout, layout.tests()); // another output is not concerned

        // Another writer of kb/ (an import) replaces the unfinished run, and finishing clears the mark.
        Lock.begin(layout, "kb import", out);
        assertFalse(Lock.read(layout).containsKey("extract"));
        Lock.record(layout, "kb import", 42, List.of(), out);
        Lock.requireComplete(layout, layout.kb());
    }

    @Test
    void beginDeletesTheTempFilesAKilledWriterLeftAndHashesNeverCountThem() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.kb());
        Files.createDirectories(layout.reports());
        Files.createDirectories(layout.buildSamples().getParent());
        Files.writeString(layout.concepts(), "{}\n");
        Lock.record(layout, "extract", 42, List.of(), List.of(layout.kb()));
        String before = Lock.contentHash(layout.kb());
        List<Path> stale = List.of(layout.kb().resolve(".concepts.jsonl.123.tmp"),
                layout.root().resolve(".proda.lock.456.tmp"), layout.reports().resolve(".build.json.789.tmp"),
                layout.buildSamples().resolveSibling(".samples.jsonl.1.tmp"));
        for (Path file : stale) {
            Files.writeString(file, "{\"torn");
        }
        assertEquals(before, Lock.contentHash(layout.kb()));
        assertTrue(Lock.unchanged(layout, "extract", List.of(), List.of(layout.kb())).isPresent());
        Lock.begin(layout, "extract", List.of(layout.kb(), layout.buildSamples()));
        for (Path file : stale) {
            assertFalse(Files.exists(file), file.toString());
        }
        assertTrue(Files.exists(layout.concepts()));
    }

    @Test
    void aStageSkippedAsUpToDateStillDeletesATempFileOfTheLock() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.kb());
        Files.writeString(layout.concepts(), "{}\n");
        Lock.record(layout, "extract", 42, List.of(), List.of(layout.kb()));
        // A kill while proda.lock was replaced: the old lock stands, so the stage is up to date.
        Path stale = layout.root().resolve(".proda.lock.42.tmp");
        Files.writeString(stale, "{\"extract\":");
        assertTrue(Lock.upToDate(layout, "extract", List.of(), List.of(layout.kb()), false, Log.SILENT));
        assertFalse(Files.exists(stale));
    }
}

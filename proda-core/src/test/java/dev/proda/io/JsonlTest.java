package dev.proda.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proda.model.Chain;
import dev.proda.model.Concept;
import dev.proda.model.Failure;
import dev.proda.model.ItemResult;
import dev.proda.model.Message;
import dev.proda.model.Patch;
import dev.proda.model.Sample;
import dev.proda.model.Span;
import dev.proda.model.Statement;
import dev.proda.model.TestItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {
    @TempDir
    Path dir;

    private <T> void roundTrip(Class<T> type, T record) {
        Path file = dir.resolve(type.getSimpleName() + ".jsonl");
        Jsonl.write(file, List.of(record, record));
        assertEquals(List.of(record, record), Jsonl.read(file, type));
    }

    @Test
    void everyRecordRoundTrips() {
        Span span = new Span("bio/a.txt", 3, 9);
        roundTrip(Chain.class, new Chain("ch-1", "bio/a.txt", "Cell division", "Cells divide.", List.of("pre"),
                List.of("never"), List.of("one.", "two."), List.of("s-1"), List.of(span), "biology"));
        roundTrip(Statement.class, new Statement("s-1", null, "a cell", "is-a", "unit of life", "A cell is a unit.",
                List.of(span), List.of("c-1")));
        roundTrip(Concept.class, new Concept("c-1", "cell", List.of("cells"), "term", "unit of life",
                List.of("s-1"), "biology", List.of(span)));
        Sample sample = new Sample("b-1", List.of(new Message("user", "q"), new Message("assistant", "a")),
                List.of("s-1"), "define", "build", 0);
        roundTrip(Sample.class, sample);
        roundTrip(TestItem.class, new TestItem("i-1", "dev", "q?", Map.of("A", "x", "B", "y", "C", "z", "D", "w"),
                "B", "ch-1", List.of("s-1"), List.of("c-1"), "biology", List.of("k1", "k2", "k3"), "composition", "ch-1",
                "i-2", true));
        roundTrip(ItemResult.class, new ItemResult("i-1", "dev", "A", "B", false, "B", true, Map.of("A", -1.0, "B", -2.0),
                "biology"));
        roundTrip(Failure.class, new Failure("i-1", "A", Map.of("A", -1.0), List.of("i-1", "ch-1", "s-1"),
                "concept_gap", List.of("s-1"), Map.of("s-1", false)));
        roundTrip(Patch.class, new Patch("patch-1", List.of("i-1"), "s-1", List.of(sample), List.of(span), 1));
    }

    @Test
    void corruptLineNamesFileAndLine() throws Exception {
        Path file = dir.resolve("concepts.jsonl");
        Jsonl.write(file, List.of(new Concept("c-1", "cell", List.of(), "term", null, List.of(), null, List.of())));
        Files.writeString(file, Files.readString(file) + "{\"concept_id\": \"c-2\", \"term\": \n");
        ProdaFileException e = assertThrows(ProdaFileException.class, () -> Jsonl.read(file, Concept.class));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void unknownFieldAndInvalidRecordAreErrors() throws Exception {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, "\n{\"concept_id\":\"c\",\"term\":\"t\",\"colour\":\"red\"}\n");
        assertTrue(assertThrows(ProdaFileException.class, () -> Jsonl.read(file, Concept.class)).getMessage()
                .contains(":2: "));
        Files.writeString(file, "{\"id\":\"i\",\"split\":\"train\",\"question\":\"q\",\"options\":{\"A\":\"a\","
                + "\"B\":\"b\"},\"answer\":\"A\"}\n");
        assertTrue(assertThrows(ProdaFileException.class, () -> Jsonl.read(file, TestItem.class)).getMessage()
                .contains("split must be"));
    }

    @Test
    void writesAreAtomicAndLeaveNoTempFiles() throws Exception {
        Path file = dir.resolve("kb/statements.jsonl");
        Jsonl.write(file, List.of(new Message("user", "first")));
        Jsonl.write(file, List.of(new Message("user", "second")));
        assertEquals(List.of(new Message("user", "second")), Jsonl.read(file, Message.class));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        // A writer that fails midway leaves the old file untouched.
        assertThrows(ProdaFileException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new java.io.IOException("disk full");
        }));
        assertEquals(List.of(new Message("user", "second")), Jsonl.read(file, Message.class));
    }

    @Test
    void missingFileSaysWhichStageToRun() {
        ProdaFileException e = assertThrows(ProdaFileException.class,
                () -> Jsonl.read(dir.resolve("tests/dev.jsonl"), TestItem.class));
        assertTrue(e.getMessage().contains("dev.jsonl"));
    }

    @Test
    void readLinesCountsBlankLinesSoMessagesPointAtTheRightLine() throws Exception {
        Path file = dir.resolve("m.jsonl");
        Files.writeString(file, "{\"role\":\"user\",\"content\":\"a\"}\n\n{\"role\":\"assistant\",\"content\":\"b\"}\n");
        List<Jsonl.Line<Message>> lines = Jsonl.readLines(file, Message.class);
        assertEquals(List.of(1, 3), lines.stream().map(Jsonl.Line::number).toList());
        assertEquals(new Message("assistant", "b"), lines.get(1).record());
    }
}

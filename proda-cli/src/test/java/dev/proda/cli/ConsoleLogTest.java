package dev.proda.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.io.Json;
import dev.proda.project.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ConsoleLog log(ConsoleLog.Mode mode) {
        return new ConsoleLog(new PrintWriter(out, true), new PrintWriter(err, true), mode, clock::get);
    }

    @Test
    void jsonModeWritesEveryMessageAndThrottledReadingsAsEventsOnStderr() throws Exception {
        ConsoleLog log = log(ConsoleLog.Mode.JSON);
        log.info("extract: 3 documents");
        try (Progress progress = log.progress("extract", 3, "documents")) {
            progress.advance(1);
            progress.advance(1); // within the same second: not shown
            clock.addAndGet(2 * SECOND);
            progress.advance(1);
        }
        log.warn("nothing extracted from a.txt");
        assertEquals("", out.toString(), "stdout keeps only a command's result");
        List<JsonNode> events = err.toString().lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertEquals(List.of("info", "progress", "progress", "progress", "warning"),
                events.stream().map(e -> e.get("event").asText()).toList());
        JsonNode middle = events.get(2);
        assertEquals(3, middle.get("done").asInt(), "the reading after two seconds counts all three");
        assertEquals(1.5, middle.get("rate_per_s").asDouble(), 1e-9);
        JsonNode last = events.get(3);
        assertTrue(last.get("last").asBoolean());
        assertEquals("documents", last.get("unit").asText());
    }

    @Test
    void aTerminalKeepsOneLineUpToDateAndMessagesClearItFirst() {
        ConsoleLog log = log(ConsoleLog.Mode.TERMINAL);
        Progress progress = log.progress("test V1", 100, "items");
        clock.addAndGet(SECOND);
        progress.advance(50);
        log.info("a message");
        clock.addAndGet(SECOND);
        progress.advance(50);
        progress.close();
        String shown = err.toString();
        assertTrue(shown.contains("\rtest V1: 50/100 items, 50/s, 1 s left"), shown);
        assertTrue(shown.contains("\r\033[K"), "the line is cleared before a message: " + shown);
        assertTrue(shown.endsWith("test V1: 100/100 items, 50/s, done in 2 s\033[K\n"), shown);
        assertEquals("a message\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void quietKeepsWarningsOnlyAndRedirectedOutputHasNoProgressLine() {
        ConsoleLog quiet = log(ConsoleLog.Mode.QUIET);
        quiet.info("extract: 3 documents");
        quiet.progress("extract", 3, "documents").advance(3);
        quiet.warn("a warning");
        assertEquals("", out.toString());
        assertEquals("warning: a warning", err.toString().strip());

        StringWriter plainErr = new StringWriter();
        ConsoleLog plain = new ConsoleLog(new PrintWriter(out, true), new PrintWriter(plainErr, true),
                ConsoleLog.Mode.PLAIN, clock::get);
        try (Progress progress = plain.progress("extract", 3, "documents")) {
            progress.advance(3);
        }
        plain.info("extract: done");
        assertFalse(plainErr.toString().contains("documents"), plainErr.toString());
        assertTrue(out.toString().contains("extract: done"));
        assertEquals(ConsoleLog.Mode.JSON, ConsoleLog.mode(true, true, true), "--json wins over --quiet");
        assertEquals(ConsoleLog.Mode.PLAIN, ConsoleLog.mode(false, false, false));
    }
}

package dev.proda.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proda.io.Json;
import dev.proda.project.Log;
import dev.proda.project.Progress;
import dev.proda.project.ProgressMeter;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The stages' log as the command line shows it. On a terminal a long step keeps one line up to date with its count,
 * rate and time left; when output goes to a file or a pipe there is no progress line (the stage's own summary
 * lines remain); {@code --quiet} keeps only warnings; {@code --json} writes every message and progress reading as
 * one JSON object per line on stderr ({@code {"event":"info"|"warning"|"progress",…}}), so stdout keeps only a
 * command's result.
 */
final class ConsoleLog implements Log {
    enum Mode { TERMINAL, PLAIN, QUIET, JSON }

    /** Redraws of a terminal line, and JSON readings, at most this often. */
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private static final long JSON_EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier clock;
    /** Whether a progress line is on screen (a message first clears it). */
    private boolean lineShown;

    ConsoleLog(PrintWriter out, PrintWriter err, Mode mode, LongSupplier clock) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.clock = clock;
    }

    /** The mode the options and the output ask for. */
    static Mode mode(boolean quiet, boolean json, boolean terminal) {
        return json ? Mode.JSON : quiet ? Mode.QUIET : terminal ? Mode.TERMINAL : Mode.PLAIN;
    }

    /** Whether this process writes to a terminal (Console.isTerminal where the JDK has it, from JDK 22). */
    static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }

    @Override
    public synchronized void info(String message) {
        switch (mode) {
            case QUIET -> {
            }
            case JSON -> event("info", message);
            default -> {
                clearLine();
                out.println(message);
                out.flush();
            }
        }
    }

    @Override
    public synchronized void warn(String message) {
        if (mode == Mode.JSON) {
            event("warning", message);
            return;
        }
        clearLine();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public Progress progress(String step, long total, String unit) {
        if (mode != Mode.TERMINAL && mode != Mode.JSON || total <= 0) {
            return Progress.NONE;
        }
        ProgressMeter meter = new ProgressMeter(step, total, unit, clock);
        long every = mode == Mode.JSON ? JSON_EVERY_NANOS : TERMINAL_EVERY_NANOS;
        Progress progress = new Progress() {
            private long shownAt = Long.MIN_VALUE;
            private boolean closed;

            @Override
            public void advance(long n) {
                meter.advance(n);
                show(false);
            }

            @Override
            public void set(long done, String detail) {
                meter.set(done, detail);
                show(false);
            }

            @Override
            public void close() {
                show(true);
            }

            private void show(boolean last) {
                synchronized (ConsoleLog.this) {
                    long now = clock.getAsLong();
                    if (closed || !last && shownAt != Long.MIN_VALUE && now - shownAt < every) {
                        return;
                    }
                    shownAt = now;
                    closed = last;
                    ProgressMeter.Reading reading = meter.read();
                    if (mode == Mode.JSON) {
                        ObjectNode node = Json.MAPPER.valueToTree(reading);
                        node.put("last", last);
                        err.println(Json.MAPPER.createObjectNode().put("event", "progress").setAll(node).toString());
                    } else {
                        err.print("\r" + reading.line() + "\033[K" + (last ? "\n" : ""));
                        lineShown = !last;
                    }
                    err.flush();
                }
            }
        };
        progress.set(0, null);
        return progress;
    }

    private void event(String kind, String message) {
        err.println(Json.MAPPER.createObjectNode().put("event", kind).put("message", message).toString());
        err.flush();
    }

    private void clearLine() {
        if (lineShown) {
            err.print("\r\033[K");
            err.flush();
            lineShown = false;
        }
    }
}

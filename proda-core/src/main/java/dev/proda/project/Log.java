package dev.proda.project;

import java.io.PrintStream;
import java.util.List;

/** Where stages report progress and warnings (the CLI prints them; tests may collect them). */
public interface Log {
    void info(String message);

    void warn(String message);

    /**
     * Progress of a step over {@code total} {@code unit}s ("documents", "items", "steps"). The CLI shows it with its
     * rate and time left on a terminal, or as JSON events; by default nothing is shown.
     */
    default Progress progress(String step, long total, String unit) {
        return Progress.NONE;
    }

    /** Prints info to {@code out} and warnings to {@code err}, prefixed {@code warning:}. */
    static Log to(PrintStream out, PrintStream err) {
        return new Log() {
            @Override
            public void info(String message) {
                out.println(message);
                out.flush();
            }

            @Override
            public void warn(String message) {
                err.println("warning: " + message);
                err.flush();
            }
        };
    }

    /** Collects into {@code lines}: info as it is, warnings prefixed {@code warning:} as {@link #to} prints them. */
    static Log into(List<String> lines) {
        return new Log() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("warning: " + message);
            }
        };
    }

    Log SILENT = new Log() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}

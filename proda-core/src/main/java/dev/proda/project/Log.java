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

    /**
     * A stage's output is empty (no statement, no sample, no item): a warning, since every later stage then has
     * nothing to work on; under {@link #strict} an error.
     */
    default void emptyOutput(String message) {
        warn(message);
    }

    /** {@code log}, but an empty output stops the stage with an error ({@code --strict}). */
    static Log strict(Log log) {
        return new Log() {
            @Override
            public void info(String message) {
                log.info(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public Progress progress(String step, long total, String unit) {
                return log.progress(step, total, unit);
            }

            @Override
            public void emptyOutput(String message) {
                throw new dev.proda.io.ProdaFileException(message + " (an error under --strict)");
            }
        };
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

package dev.proda.project;

import java.io.PrintStream;

/** Where stages report progress and warnings (the CLI prints them; tests may collect them). */
public interface Log {
    void info(String message);

    void warn(String message);

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

    Log SILENT = new Log() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}

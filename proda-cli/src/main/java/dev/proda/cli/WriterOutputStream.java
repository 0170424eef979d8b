package dev.proda.cli;

import dev.proda.project.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/** Lets stage logs (PrintStreams) write through picocli's PrintWriters, so output stays testable. */
final class WriterOutputStream extends ByteArrayOutputStream {
    private final PrintWriter writer;

    /** A stage log that prints through the command's own out and err writers. */
    static Log log(CommandSpec spec) {
        return Log.to(new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true),
                new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true));
    }

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void flush() {
        writer.write(toString(StandardCharsets.UTF_8));
        writer.flush();
        reset();
    }
}

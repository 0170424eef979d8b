package dev.proda.io;

import java.nio.file.Path;

/** A project file that cannot be read or written; the message names the file (and line). */
public class ProdaFileException extends RuntimeException {
    public ProdaFileException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProdaFileException(String message) {
        super(message);
    }

    static ProdaFileException at(Path file, int line, String problem, Throwable cause) {
        return new ProdaFileException(file + ":" + line + ": " + problem, cause);
    }
}

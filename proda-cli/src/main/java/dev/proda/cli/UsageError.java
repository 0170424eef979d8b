package dev.proda.cli;

/** A command line that parsed but cannot be right (a version not named V0, V1 …; a value out of range): exit 2. */
final class UsageError extends IllegalArgumentException {
    UsageError(String message) {
        super(message);
    }
}

package dev.proda.project;

/**
 * How far one long step has come: a count out of a known total (documents, items, training steps), which the
 * CLI shows with its rate and time left. Safe to advance from several threads. Closing it ends the step.
 */
public interface Progress extends AutoCloseable {
    /** {@code n} more units are done. */
    void advance(long n);

    /** The count done so far, with a short detail to show beside it ("loss 2.31"); never moves back. */
    void set(long done, String detail);

    @Override
    void close();

    /** Shows nothing: for tests and for steps too short to report. */
    Progress NONE = new Progress() {
        @Override
        public void advance(long n) {
        }

        @Override
        public void set(long done, String detail) {
        }

        @Override
        public void close() {
        }
    };
}

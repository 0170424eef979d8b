package dev.proda.extract;

import dev.proda.project.Log;

/**
 * Extraction progress: the log's progress line (rate and time left, on a terminal or as JSON events), and on a
 * large corpus a summary line every tenth of its characters, which redirected output keeps too (a 50 MB file
 * took a minute and a half with no output at all). Below {@link #MIN_CHARACTERS} no such line. Safe to call
 * from parallel tasks.
 */
final class ReadProgress implements AutoCloseable {
    static final long MIN_CHARACTERS = 10_000_000;
    private final long total;
    private final Log log;
    private final dev.proda.project.Progress shown;
    private final long started = System.nanoTime();
    private long done;
    private int reported;

    private ReadProgress(long total, Log log, dev.proda.project.Progress shown) {
        this.total = total;
        this.log = log;
        this.shown = shown;
    }

    static ReadProgress of(long total, Log log) {
        return new ReadProgress(total, total >= MIN_CHARACTERS ? log : Log.SILENT,
                log.progress("extract", total, "characters"));
    }

    /** Every document is read (the total counted the files, which a decoded text may be a little shorter than). */
    @Override
    public void close() {
        shown.set(total, null);
        shown.close();
    }

    synchronized void advance(long characters) {
        shown.advance(characters);
        done += characters;
        int tenths = (int) Math.min(10, done * 10 / Math.max(1, total));
        if (tenths > reported && tenths < 10) {
            reported = tenths;
            log.info(String.format("extract: read %d%% of %,d characters (%d s)", tenths * 10, total,
                    (System.nanoTime() - started) / 1_000_000_000L));
        }
    }
}

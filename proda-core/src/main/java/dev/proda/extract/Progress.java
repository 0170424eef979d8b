package dev.proda.extract;

import dev.proda.project.Log;

/**
 * Extraction progress on a large corpus, every tenth of its characters: a 50 MB file took a minute and a
 * half with no output at all. Below {@link #MIN_CHARACTERS} it says nothing. Safe to call from parallel tasks.
 */
final class Progress {
    static final long MIN_CHARACTERS = 10_000_000;
    private final long total;
    private final Log log;
    private final long started = System.nanoTime();
    private long done;
    private int reported;

    private Progress(long total, Log log) {
        this.total = total;
        this.log = log;
    }

    static Progress of(long total, Log log) {
        return new Progress(total, total >= MIN_CHARACTERS ? log : Log.SILENT);
    }

    synchronized void advance(long characters) {
        done += characters;
        int tenths = (int) Math.min(10, done * 10 / Math.max(1, total));
        if (tenths > reported && tenths < 10) {
            reported = tenths;
            log.info(String.format("extract: read %d%% of %,d characters (%d s)", tenths * 10, total,
                    (System.nanoTime() - started) / 1_000_000_000L));
        }
    }
}

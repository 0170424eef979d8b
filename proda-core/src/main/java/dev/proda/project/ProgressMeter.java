package dev.proda.project;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The numbers behind a progress line: count, total, rate since the start, and the time left at that rate. The
 * clock is passed in (nanoseconds) so that the arithmetic is tested without waiting.
 */
public final class ProgressMeter {
    /** One reading, as the CLI prints it or emits it as a JSON event. */
    public record Reading(String step, long done, long total, String unit, double elapsed_s, double rate_per_s,
            Double eta_s, String detail) {
        /** "extract: 57/127 documents, 12.3/s, 6 s left" (or the time taken, once done). */
        public String line() {
            String count = String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit);
            String rate = rate_per_s >= 10 || rate_per_s == 0 ? String.format(Locale.ROOT, "%,.0f/s", rate_per_s)
                    : String.format(Locale.ROOT, "%.1f/s", rate_per_s);
            String tail = done >= total ? "done in " + duration(elapsed_s)
                    : eta_s == null ? "" : duration(eta_s) + " left";
            return step + ": " + count + ", " + rate + (tail.isEmpty() ? "" : ", " + tail)
                    + (detail == null || detail.isEmpty() ? "" : ", " + detail);
        }
    }

    private final String step;
    private final long total;
    private final String unit;
    private final LongSupplier nanos;
    private final long start;
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<String> detail = new AtomicReference<>("");

    public ProgressMeter(String step, long total, String unit, LongSupplier nanos) {
        this.step = step;
        this.total = Math.max(0, total);
        this.unit = unit;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    public void advance(long n) {
        done.addAndGet(Math.max(0, n));
    }

    public void set(long count, String detail) {
        done.accumulateAndGet(count, Math::max);
        if (detail != null) {
            this.detail.set(detail);
        }
    }

    public Reading read() {
        long count = Math.min(done.get(), total);
        double elapsed = (nanos.getAsLong() - start) / 1e9;
        double rate = elapsed > 0 ? count / elapsed : 0;
        Double eta = rate > 0 ? (total - count) / rate : null;
        return new Reading(step, count, total, unit, round(elapsed), round(rate), eta == null ? null : round(eta),
                detail.get());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** "45 s", "3 min 20 s", "1 h 05 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + (s % 60 < 10 ? "0" : "") + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600 / 60 < 10 ? "0" : "") + s % 3600 / 60 + " min";
    }
}

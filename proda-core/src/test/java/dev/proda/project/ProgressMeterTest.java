package dev.proda.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateAndTimeLeftFollowTheCountAndTheClock() {
        AtomicLong clock = new AtomicLong(5 * SECOND);
        ProgressMeter meter = new ProgressMeter("extract", 100, "documents", clock::get);
        assertNull(meter.read().eta_s(), "no rate yet, so no time left");
        clock.addAndGet(10 * SECOND);
        meter.advance(20);
        meter.advance(5);
        ProgressMeter.Reading reading = meter.read();
        assertEquals(25, reading.done());
        assertEquals(2.5, reading.rate_per_s(), 1e-9);
        assertEquals(30.0, reading.eta_s(), 1e-9);
        assertEquals("extract: 25/100 documents, 2.5/s, 30 s left", reading.line());

        meter.set(10, "loss 2.000");
        assertEquals(25, meter.read().done(), "a count never moves back");
        clock.addAndGet(190 * SECOND);
        meter.set(100, "loss 1.500");
        assertEquals("extract: 100/100 documents, 0.5/s, done in 3 min 20 s, loss 1.500", meter.read().line());
        meter.advance(7);
        assertEquals(100, meter.read().done(), "never past the total");
    }

    @Test
    void durationsReadLikeAPersonWritesThem() {
        assertEquals("59 s", ProgressMeter.duration(59.4));
        ProgressMeter large = new ProgressMeter("extract", 1_733_244, "characters", () -> 0L);
        large.advance(1_200_000);
        assertEquals("extract: 1,200,000/1,733,244 characters, 0/s", large.read().line(), "grouped digits");
        assertEquals("1 min 05 s", ProgressMeter.duration(65));
        assertEquals("2 h 03 min", ProgressMeter.duration(2 * 3600 + 3 * 60 + 10));
    }
}

package dev.proda.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSweepTest {
    @Test
    void statIsMeanSampleSdAndRange() {
        SeedSweep.Stat s = SeedSweep.Stat.of(List.of(0.1, 0.3, 0.2));
        assertEquals(0.2, s.mean(), 1e-9);
        assertEquals(0.1, s.sd(), 1e-9);
        assertEquals(0.1, s.min(), 1e-9);
        assertEquals(0.3, s.max(), 1e-9);
        assertEquals(3, s.n());
        assertEquals("20.0 ± 10.0 (10.0 … 30.0)", s.toString());
        assertTrue(Double.isNaN(SeedSweep.Stat.of(List.of(0.5)).sd()), "one seed has no spread");
    }
}

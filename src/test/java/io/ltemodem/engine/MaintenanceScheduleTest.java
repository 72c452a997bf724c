package io.ltemodem.engine;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class MaintenanceScheduleTest {
    /** A wall clock the test moves. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
        void plusMinutes(long m) { now.set(now.get().plusSeconds(m * 60)); }
    }

    @Test
    void runsOncePerDayAtTheConfiguredTime() {
        MovableClock c = new MovableClock(Instant.parse("2026-11-23T03:00:00Z"));
        MaintenanceSchedule s = new MaintenanceSchedule(c);
        LocalTime at = LocalTime.of(4, 30);
        assertFalse(s.due(at));
        c.plusMinutes(89);
        assertFalse(s.due(at), "04:29");
        c.plusMinutes(1);
        assertFalse(s.due(at), "not on the day the daemon started");
        c.plusMinutes(24 * 60);
        assertTrue(s.due(at), "04:30 next day");
        assertFalse(s.due(at), "once per day");
        c.plusMinutes(600);
        assertFalse(s.due(at));
        c.plusMinutes(24 * 60);
        assertTrue(s.due(at), "a later check the next day still runs it");
        assertFalse(s.due(null), "off by default");
    }
}

package io.ltemodem.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The seed's daily cron restart, done right: at a configured local time of day (off by default), once per day,
 * and only as a clean L1 or L3 through the same code path as any recovery.
 */
public final class MaintenanceSchedule {
    private final Clock wall;
    private LocalDate lastRun;

    public MaintenanceSchedule(Clock wall) {
        this.wall = wall;
        this.lastRun = LocalDate.now(wall); // starting up is not a reason to restart today
    }

    /** True once per day, the first time it is asked at or after {@code at}; never when {@code at} is null. */
    public boolean due(LocalTime at) {
        if (at == null) return false;
        LocalDateTime now = LocalDateTime.now(wall);
        if (now.toLocalTime().isBefore(at) || now.toLocalDate().equals(lastRun)) return false;
        lastRun = now.toLocalDate();
        return true;
    }
}

package io.ltemodem.sys;

/** A point in a clock's time after which a wait gives up. */
public final class Deadline {
    private final Clock clock;
    private final long at;

    private Deadline(Clock clock, long at) {
        this.clock = clock;
        this.at = at;
    }

    public static Deadline in(Clock clock, long ms) {
        return new Deadline(clock, clock.millis() + Math.max(0, ms));
    }

    public long remaining() {
        return Math.max(0, at - clock.millis());
    }

    public boolean expired() {
        return clock.millis() >= at;
    }
}

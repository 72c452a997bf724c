package io.ltemodem.daemon;

import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.sys.Clock;

import java.io.PrintStream;

/**
 * Prints what the engine does as a readable timeline — time, modem, state, action, reason — for `make run`.
 * Times are the engine clock's, relative to the start, so a scaled demo shows modem time.
 */
public final class Timeline implements EngineListener {
    private final PrintStream out;
    private final Clock clock;
    private final long origin;

    public Timeline(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.origin = clock.millis();
    }

    @Override
    public void onStateChange(StateEvent e) {
        line(e.at(), e.modem(), String.format("%-22s", e.to()), "state  <- " + e.from() + " (" + e.reason() + ")");
    }

    @Override
    public void onAction(String modem, String action, String reason, long at) {
        line(at, modem, String.format("%-22s", ""), "action " + action + " (" + reason + ")");
    }

    /** A line of the demo's own (a fault it injects, a summary). */
    public void note(String modem, String what) {
        line(clock.millis(), modem, String.format("%-22s", ""), what);
    }

    private synchronized void line(long at, String modem, String state, String what) {
        out.printf("%8.1fs  %-5s %s %s%n", (at - origin) / 1000.0, modem, state, what);
        out.flush();
    }
}

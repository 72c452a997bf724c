package io.ltemodem.sim;

import io.ltemodem.sys.Clock;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults that shape what the AT port writes (silence, slowness, fragments). Read by the writer on every line. */
final class PortFaults {
    private final Clock clock;
    private volatile long silentUntil = Long.MIN_VALUE;
    /** Silent across reboots too: a module no reset brings back (only power, or not even that). */
    private volatile boolean wedged;
    private volatile long slowMillis;
    private volatile int fragmentBytes;
    private volatile long fragmentGapMillis;
    private final ConcurrentLinkedQueue<String> nextResponseUrcs = new ConcurrentLinkedQueue<>();

    PortFaults(Clock clock) {
        this.clock = clock;
    }

    /** Hung firmware: no answers, no URCs, commands swallowed. {@code ms < 0}: until {@link #speak()}. */
    void silence(long ms) {
        silentUntil = ms < 0 ? Long.MAX_VALUE : clock.millis() + ms;
    }

    void speak() {
        silentUntil = Long.MIN_VALUE;
        wedged = false;
    }

    void wedge() {
        wedged = true;
    }

    /** The firmware restarted: a hang ends, a wedge does not. */
    void firmwareRestarted() {
        silentUntil = Long.MIN_VALUE;
    }

    boolean silent() {
        if (wedged) return true;
        long until = silentUntil;
        return until != Long.MIN_VALUE && clock.millis() < until;
    }

    void slow(long ms) {
        slowMillis = Math.max(0, ms);
    }

    long slowMillis() {
        return slowMillis;
    }

    void fragment(int bytes, long gapMillis) {
        fragmentGapMillis = Math.max(0, gapMillis);
        fragmentBytes = Math.max(0, bytes);
    }

    int fragmentBytes() {
        return fragmentBytes;
    }

    long fragmentGapMillis() {
        return fragmentGapMillis;
    }

    void urcInNextResponse(String line) {
        nextResponseUrcs.add(line);
    }

    /** The URC to slip between the information lines and the final result of the response being built, or null. */
    String takeNextResponseUrc() {
        return nextResponseUrcs.poll();
    }

    void clear() {
        speak();
        slow(0);
        fragment(0, 0);
        nextResponseUrcs.clear();
    }
}

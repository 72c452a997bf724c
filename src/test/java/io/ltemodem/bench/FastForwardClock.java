package io.ltemodem.bench;

import io.ltemodem.sys.Clock;

import java.util.concurrent.locks.LockSupport;

/**
 * A clock that runs {@code factor} times faster than real time until told otherwise: P1 fast-forwards the modem's
 * boot (tens of seconds of nothing) and switches to real time at "firmware ready", so what it then measures — the
 * daemon's own waiting and its AT exchanges with the simulator — is neither magnified nor shrunk.
 *
 * <p>Slowing down only makes waits already in progress end early, in modem time, which every user of
 * {@link Clock#waitOn} tolerates (they loop on their deadline); {@link #sleep} loops until its modem-time end.
 */
final class FastForwardClock implements Clock {
    private final long originNanos = System.nanoTime();
    private long baseNanos = originNanos;
    private double baseMillis;
    private volatile double factor;

    FastForwardClock(double factor) {
        this.factor = factor;
    }

    double factor() {
        return factor;
    }

    /** From now on, {@code f} times real time; modem time continues where it is. */
    synchronized void setFactor(double f) {
        long now = System.nanoTime();
        baseMillis += (now - baseNanos) / 1e6 * factor;
        baseNanos = now;
        factor = f;
    }

    @Override
    public synchronized long millis() {
        return (long) (baseMillis + (System.nanoTime() - baseNanos) / 1e6 * factor);
    }

    @Override
    public void sleep(long ms) throws InterruptedException {
        long end = millis() + ms;
        for (long left; (left = end - millis()) > 0; ) {
            if (Thread.interrupted()) throw new InterruptedException();
            LockSupport.parkNanos((long) (left / factor * 1e6));
        }
    }

    @Override
    public long toRealMillis(long ms) {
        return (long) Math.ceil(ms / factor);
    }
}

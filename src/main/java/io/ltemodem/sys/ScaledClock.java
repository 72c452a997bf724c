package io.ltemodem.sys;

/**
 * Real time running {@code factor} times faster: with factor 100 a 25 s modem boot takes 250 ms.
 * The daemon and the simulator share one instance, so their notions of time agree.
 */
public final class ScaledClock implements Clock {
    private final double factor;
    private final long originNanos = System.nanoTime();

    public ScaledClock(double factor) {
        if (!(factor >= 1.0)) throw new IllegalArgumentException("factor must be >= 1: " + factor);
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }

    @Override
    public long millis() {
        return (long) ((System.nanoTime() - originNanos) / 1_000_000.0 * factor);
    }

    @Override
    public void sleep(long ms) throws InterruptedException {
        long real = toRealMillis(ms);
        if (real > 0) Thread.sleep(real);
        else if (ms > 0) Thread.yield();
    }

    @Override
    public long toRealMillis(long ms) {
        return (long) Math.ceil(ms / factor);
    }
}

package io.ltemodem.sys;

/**
 * A clock that moves only when told to, or when someone sleeps on it (a sleep advances time at once).
 * For pure logic tests: backoff, caps per hour, stable periods.
 */
public final class ManualClock implements Clock {
    private long now;

    public ManualClock(long start) {
        this.now = start;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    public synchronized void advance(long ms) {
        if (ms < 0) throw new IllegalArgumentException("time does not go back: " + ms);
        now += ms;
        notifyAll();
    }

    @Override
    public void sleep(long ms) {
        if (ms > 0) advance(ms);
    }

    @Override
    public long toRealMillis(long ms) {
        return 0;
    }

    @Override
    public void waitOn(Object monitor, long ms) throws InterruptedException {
        // Nothing real to wait for: the waiter's time passes immediately.
        advance(Math.max(ms, 1));
        monitor.wait(1);
    }
}

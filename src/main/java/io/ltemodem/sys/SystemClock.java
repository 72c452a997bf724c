package io.ltemodem.sys;

/** Real time from the monotonic clock. */
public final class SystemClock implements Clock {
    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public void sleep(long ms) throws InterruptedException {
        if (ms > 0) Thread.sleep(ms);
    }
}

package io.ltemodem.sys;

/**
 * The one source of time for the engine and the simulators.
 *
 * <p>Everything that waits, times out or backs off asks a Clock, never {@code System.currentTimeMillis()}
 * or {@code Thread.sleep()} directly, so tests can run minutes of modem behaviour in milliseconds
 * ({@link ScaledClock}) or step time by hand ({@link ManualClock}).
 */
public interface Clock {
    /** Milliseconds on this clock's time line (monotonic, arbitrary origin). */
    long millis();

    /** Sleeps for {@code ms} of this clock's time. */
    void sleep(long ms) throws InterruptedException;

    /** How many real milliseconds {@code ms} of this clock's time take; used to bound real waits. */
    default long toRealMillis(long ms) {
        return ms;
    }

    /**
     * Waits on {@code monitor} (whose lock the caller holds) for at most {@code ms} of this clock's time.
     * Callers loop on their condition; a spurious or early return is fine.
     */
    default void waitOn(Object monitor, long ms) throws InterruptedException {
        long real = Math.max(1, toRealMillis(ms));
        monitor.wait(real);
    }

    Clock SYSTEM = new SystemClock();
}

package io.ltemodem.sim;

import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.PriorityQueue;

/**
 * Runs the simulator's timed events (boot done, registration outcome, busy window over, scenario steps) on one
 * thread, in the time of the injected {@link Clock}: with a {@code ScaledClock} a 25 s boot takes milliseconds.
 */
final class SimScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimScheduler.class);

    /** A scheduled task; {@link #cancel()} keeps it from running if it has not started. */
    static final class Task implements Comparable<Task> {
        private final long due;
        private final long seq;
        private final Runnable action;
        private volatile boolean cancelled;

        private Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Clock clock;
    private final Thread thread;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long seq;
    private boolean closed;

    SimScheduler(Clock clock, String threadName) {
        this.clock = clock;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Clock clock() {
        return clock;
    }

    /** Runs {@code action} {@code delayMs} of clock time from now (0 = as soon as possible, after earlier tasks). */
    synchronized Task schedule(long delayMs, Runnable action) {
        Task t = new Task(clock.millis() + Math.max(0, delayMs), seq++, action);
        if (!closed) {
            queue.add(t);
            notifyAll();
        }
        return t;
    }

    boolean onSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        while (true) {
            Task next;
            synchronized (this) {
                try {
                    while (true) {
                        if (closed) return;
                        Task head = queue.peek();
                        if (head == null) {
                            wait();
                            continue;
                        }
                        long wait = head.due - clock.millis();
                        if (wait <= 0) break;
                        clock.waitOn(this, wait);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                next = queue.poll();
            }
            if (next.cancelled) continue;
            try {
                next.action.run();
            } catch (RuntimeException | Error e) {
                // One broken step must not stop the modem's clock.
                log.warn("simulator task failed", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

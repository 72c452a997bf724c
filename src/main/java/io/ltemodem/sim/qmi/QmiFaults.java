package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the simulator can show, switchable while it runs: total silence (a wedged firmware), dropped requests
 * (the "first request after power-up is ignored" stall that hangs uqmi), messages it never answers (stops
 * answering mid-start), slow answers (delayed through the simulator's Clock), fragmented writes and error
 * answers (the network refusing a call: {@code CallFailed}).
 */
public final class QmiFaults {
    private volatile boolean silent;
    private final AtomicInteger dropNext = new AtomicInteger();
    private final Set<Integer> ignored = ConcurrentHashMap.newKeySet();
    private volatile long delayMs;
    private volatile int fragmentBytes;
    private final Map<Integer, Failure> failing = new ConcurrentHashMap<>();

    /** An error answer still to be given {@code times} more times. */
    private record Failure(QmiProtocolError error, int times) {
    }

    /** No answer to anything. */
    public QmiFaults silent(boolean v) {
        silent = v;
        return this;
    }

    /** The next {@code n} requests (any service) get no answer. */
    public QmiFaults dropNext(int n) {
        dropNext.set(n);
        return this;
    }

    /** Requests with this service and message id get no answer (e.g. WDS Start Network: silence mid-start). */
    public QmiFaults ignore(int service, int msgId) {
        ignored.add(key(service, msgId));
        return this;
    }

    /** The next {@code times} requests with this service and message id are answered with {@code error}. */
    public QmiFaults failNext(int service, int msgId, QmiProtocolError error, int times) {
        if (times > 0) failing.put(key(service, msgId), new Failure(error, times));
        else failing.remove(key(service, msgId));
        return this;
    }

    public QmiFaults clearIgnored() {
        ignored.clear();
        return this;
    }

    /** Every answer waits this long on the simulator's clock first. */
    public QmiFaults delayMs(long ms) {
        delayMs = ms;
        return this;
    }

    /** Answers are written in chunks of this many bytes (0 = whole frames). */
    public QmiFaults fragment(int bytes) {
        fragmentBytes = bytes;
        return this;
    }

    /**
     * The firmware restarted: a hang (silence, dropped or ignored requests) ends with it, as on hardware, where a
     * reboot is what cures wedged firmware. Slowness and fragmentation belong to the line and stay.
     */
    public QmiFaults firmwareRestarted() {
        silent = false;
        dropNext.set(0);
        ignored.clear();
        return this;
    }

    public QmiFaults clear() {
        silent = false;
        dropNext.set(0);
        ignored.clear();
        delayMs = 0;
        fragmentBytes = 0;
        failing.clear();
        return this;
    }

    /** Decides (and counts down a drop) whether this request goes unanswered. */
    boolean swallow(int service, int msgId) {
        if (silent) return true;
        if (ignored.contains(key(service, msgId))) return true;
        return dropNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The error this request is answered with (counting one down), or null to answer it normally. */
    QmiProtocolError failure(int service, int msgId) {
        Failure[] took = new Failure[1];
        failing.computeIfPresent(key(service, msgId), (k, f) -> {
            took[0] = f;
            return f.times() > 1 ? new Failure(f.error(), f.times() - 1) : null;
        });
        return took[0] == null ? null : took[0].error();
    }

    long delayMs() {
        return delayMs;
    }

    int fragmentBytes() {
        return fragmentBytes;
    }

    private static int key(int service, int msgId) {
        return service << 16 | msgId;
    }
}

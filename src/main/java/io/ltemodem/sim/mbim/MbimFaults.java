package io.ltemodem.sim.mbim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the MBIM simulator can show, switchable while it runs: silence (wedged firmware), dropped messages,
 * commands with a CID it never answers (stops answering mid-connect), slow answers (on the simulator's Clock) and
 * answers written in small pieces.
 */
public final class MbimFaults {
    private volatile boolean silent;
    private final AtomicInteger dropNext = new AtomicInteger();
    private final Set<Integer> ignoredCids = ConcurrentHashMap.newKeySet();
    private volatile long delayMs;
    private volatile int fragmentBytes;

    /** No answer to anything, OPEN included. */
    public MbimFaults silent(boolean v) {
        silent = v;
        return this;
    }

    /** The next {@code n} messages get no answer. */
    public MbimFaults dropNext(int n) {
        dropNext.set(n);
        return this;
    }

    /** BASIC_CONNECT commands with this CID get no answer. */
    public MbimFaults ignore(int cid) {
        ignoredCids.add(cid);
        return this;
    }

    /** Every answer waits this long on the simulator's clock first. */
    public MbimFaults delayMs(long ms) {
        delayMs = ms;
        return this;
    }

    /** Answers go out in pieces of this many bytes (0 = whole). */
    public MbimFaults fragment(int bytes) {
        fragmentBytes = bytes;
        return this;
    }

    public MbimFaults clear() {
        silent = false;
        dropNext.set(0);
        ignoredCids.clear();
        delayMs = 0;
        fragmentBytes = 0;
        return this;
    }

    /** Decides (and counts down a drop) whether this message goes unanswered; {@code cid} is -1 for non-commands. */
    boolean swallow(int cid) {
        if (silent) return true;
        if (cid >= 0 && ignoredCids.contains(cid)) return true;
        return dropNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    long delayMs() {
        return delayMs;
    }

    int fragmentBytes() {
        return fragmentBytes;
    }
}

package io.ltemodem.sim.qmi;

import java.util.BitSet;

/**
 * The client ids one QMI service hands out. Real modems have few (NAS may offer only 10) and leaked ids stay
 * taken until a CTL Sync or a reset: that is how {@code ClientIdsExhausted} happens in the field.
 */
public final class CidPool {
    private final int size;
    private final BitSet used = new BitSet();
    private int allocations;

    /** Ids 1..size. */
    public CidPool(int size) {
        if (size < 1 || size > 254) throw new IllegalArgumentException("pool size 1..254: " + size);
        this.size = size;
    }

    /** The lowest free id, or -1 when every id is taken. */
    public synchronized int allocate() {
        int cid = used.nextClearBit(1);
        if (cid > size) return -1;
        used.set(cid);
        allocations++;
        return cid;
    }

    /** Frees {@code cid}; false when it was not allocated. */
    public synchronized boolean release(int cid) {
        if (cid < 1 || cid > size || !used.get(cid)) return false;
        used.clear(cid);
        return true;
    }

    public synchronized boolean allocated(int cid) {
        return cid >= 1 && cid <= size && used.get(cid);
    }

    public synchronized void releaseAll() {
        used.clear();
    }

    public synchronized int inUse() {
        return used.cardinality();
    }

    public int size() {
        return size;
    }

    /** How many ids were ever handed out (a leak check counts these against releases). */
    public synchronized int allocations() {
        return allocations;
    }
}

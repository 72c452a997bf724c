package io.ltemodem.sim;

/**
 * The simulator's own copy of the 27.007 {@code <stat>} values it can produce. Kept apart from the daemon's
 * model on purpose: the simulator is the daemon's oracle, so it must not share the daemon's types.
 */
public enum Registration {
    NOT_REGISTERED(0),
    HOME(1),
    SEARCHING(2),
    DENIED(3),
    UNKNOWN(4),
    ROAMING(5);

    private final int stat;

    Registration(int stat) {
        this.stat = stat;
    }

    /** The 27.007 {@code <stat>} number. */
    public int stat() {
        return stat;
    }

    public boolean registered() {
        return this == HOME || this == ROAMING;
    }
}

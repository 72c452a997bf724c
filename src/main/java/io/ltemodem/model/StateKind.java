package io.ltemodem.model;

/**
 * The derived state of a modem (DESIGN §3), ordered roughly by how far it is on the way to online.
 * {@link #rank()} is what "progress" means to the reconciler's stall detection.
 */
public enum StateKind {
    DISABLED(0),
    ABSENT(0),
    ENUMERATING(1),
    NOT_RESPONDING(2),
    SIM_ABSENT(3),
    SIM_BUSY(3),
    LOCKED(3),
    NEEDS_USER(3),
    RADIO_OFF(4),
    SEARCHING(5),
    DENIED(5),
    REGISTERED(6),
    ATTACHED(7),
    CONNECTING(8),
    CONNECTED(9),
    ONLINE(10),
    RECOVERING(0),
    QUARANTINE(0);

    private final int rank;

    StateKind(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The wire name used on ubus and in events: {@code online}, {@code needs_user}, ... */
    public String wireName() {
        return name().toLowerCase();
    }
}

package io.ltemodem.mbim;

/**
 * The MBIM session a tool left open between invocations, as OpenWrt's mbim.sh keeps it: the first call opens the
 * device and leaves it open ({@code --no-close}, {@code -n}), every later one continues with the next transaction id
 * ({@code --no-open=<trid>}, {@code -t <trid>}), which the device expects to grow. One OPEN per session instead of one
 * per call; and a modem that resets or a call killed at its deadline simply ends the session: the next call opens a
 * fresh one.
 */
final class TransactionIds {
    private Integer next;

    /** The id the next call continues with, or null: open a new session. */
    synchronized Integer next() {
        return next;
    }

    /** The session is open and continues with {@code trid}. */
    synchronized void continueWith(int trid) {
        next = trid > 0 ? trid : null;
    }

    /** No session is known to be open (never opened, closed, or in an unknown state after a kill or an error). */
    synchronized void forget() {
        next = null;
    }

    synchronized boolean open() {
        return next != null;
    }
}

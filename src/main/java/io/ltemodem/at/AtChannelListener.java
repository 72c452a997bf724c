package io.ltemodem.at;

/** What an AT channel tells the engine, on the channel's event thread (never the reader thread). */
public interface AtChannelListener {
    /** An unsolicited result code, e.g. {@code +CEREG: 1}, {@code RDY}, {@code +CGEV: NW DEACT ...}. */
    default void onUrc(String line) {
    }

    /** The port is gone (hang-up, node removed, read or write error). The channel stays closed until reopened. */
    default void onClosed(String reason) {
    }

    /** {@code count} commands in a row got no final result code. */
    default void onUnresponsive(int count) {
    }
}

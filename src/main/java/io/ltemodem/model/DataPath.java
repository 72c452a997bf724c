package io.ltemodem.model;

/** Result of the last data-path check (ping/TCP through the netdev): ok, which target, how long. */
public record DataPath(boolean ok, String target, long rttMillis, String detail) {
}

package io.ltemodem.qmi;

/**
 * Our own deadlines per tool call, in real milliseconds. Shorter than the tools' (qmicli: 10 s per request,
 * 180 s start, 120 s stop; uqmi: none without {@code -t}), so a silent modem costs us a bounded wait and the
 * tool is killed instead of hanging.
 */
public record QmiTimeouts(long requestMs, long startNetworkMs, long stopNetworkMs) {
    public static final QmiTimeouts DEFAULTS = new QmiTimeouts(8_000, 60_000, 30_000);

    public QmiTimeouts {
        if (requestMs <= 0 || startNetworkMs <= 0 || stopNetworkMs <= 0) throw new IllegalArgumentException("timeouts must be > 0");
    }
}

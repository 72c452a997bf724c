package io.ltemodem.mbim;

/**
 * Our own deadlines per tool call, in real milliseconds, shorter than the tools' (mbimcli: 10 s per request, 60 s
 * connect, 30 s open; umbim: 15 s per message): a silent modem costs a bounded wait and the tool is killed.
 */
public record MbimTimeouts(long requestMs, long connectMs) {
    public static final MbimTimeouts DEFAULTS = new MbimTimeouts(8_000, 45_000);

    public MbimTimeouts {
        if (requestMs <= 0 || connectMs <= 0) throw new IllegalArgumentException("timeouts must be > 0");
    }
}

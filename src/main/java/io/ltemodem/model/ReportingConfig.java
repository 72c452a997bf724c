package io.ltemodem.model;

/**
 * How the modem is set to report (what {@code AT+CMEE?}, {@code AT+CEREG?} and {@code AT+CGEREP?} say): the error
 * format and whether registration and packet-domain URCs are on. A modem forgets these on every reboot, so they
 * are observed like any other fact instead of being assumed from an earlier init. Null fields are unknown.
 */
public record ReportingConfig(Integer cmee, Integer ceregN, Integer cgerepMode) {
    /** What the engine wants: numeric errors, registration URCs with location, packet-domain URCs. */
    public static final int WANT_CMEE = 1;
    public static final int WANT_CEREG_N = 2;
    public static final int WANT_CGEREP = 2;

    /** True when a known value differs from what the engine wants. */
    public boolean mismatch() {
        return (cmee != null && cmee != WANT_CMEE) || (ceregN != null && ceregN != WANT_CEREG_N)
                || (cgerepMode != null && cgerepMode != WANT_CGEREP);
    }

    /** True when every value is known and as wanted. */
    public boolean asWanted() {
        return cmee != null && ceregN != null && cgerepMode != null && !mismatch();
    }
}

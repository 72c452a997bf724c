package io.ltemodem.qmi;

/**
 * Why a Start Network failed (CallFailed): the QMI call end reason and, when the modem gave it, the verbose
 * reason (type 6 = 3GPP with a 24.008 session-management cause). Names as libqmi prints them; any part null.
 */
public record CallEndReason(Integer reason, String reasonName, Integer verboseType, Integer verboseReason,
                            String verboseTypeName, String verboseName) {

    /** 3GPP cause 27: the network does not know the APN. */
    public boolean unknownApn() {
        return is3gpp(27);
    }

    /** 3GPP cause 29: user authentication failed (username/password/auth type). */
    public boolean authenticationFailed() {
        return is3gpp(29);
    }

    private boolean is3gpp(int cause) {
        return verboseType != null && verboseType == 6 && verboseReason != null && verboseReason == cause;
    }

    /** {@code generic-no-service (3), [3gpp] option-unsubscribed (6,33)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (reason != null) sb.append(reasonName != null ? reasonName : "reason").append(" (").append(reason).append(')');
        if (verboseType != null) {
            if (sb.length() > 0) sb.append(", ");
            if (verboseTypeName != null) sb.append('[').append(verboseTypeName).append("] ");
            sb.append(verboseName != null ? verboseName : "verbose").append(" (").append(verboseType).append(',')
                    .append(verboseReason).append(')');
        }
        return sb.length() == 0 ? "no reason given" : sb.toString();
    }
}

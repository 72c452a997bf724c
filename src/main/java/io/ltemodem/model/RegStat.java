package io.ltemodem.model;

/** 27.007 {@code <stat>} values 0..11 (same numbers as ModemManager's registration state). */
public enum RegStat {
    NOT_REGISTERED(0),
    HOME(1),
    SEARCHING(2),
    DENIED(3),
    UNKNOWN(4),
    ROAMING(5),
    HOME_SMS_ONLY(6),
    ROAMING_SMS_ONLY(7),
    EMERGENCY_ONLY(8),
    HOME_CSFB_NOT_PREFERRED(9),
    ROAMING_CSFB_NOT_PREFERRED(10),
    ATTACHED_RLOS(11);

    private final int code;

    RegStat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Null for a number outside 0..11. */
    public static RegStat fromCode(int code) {
        for (RegStat s : values()) if (s.code == code) return s;
        return null;
    }

    /** Registered for data (home or roaming, including the CSFB-not-preferred variants). */
    public boolean registered() {
        return this == HOME || this == ROAMING || this == HOME_CSFB_NOT_PREFERRED || this == ROAMING_CSFB_NOT_PREFERRED;
    }

    public boolean roaming() {
        return this == ROAMING || this == ROAMING_SMS_ONLY || this == ROAMING_CSFB_NOT_PREFERRED;
    }

    /** How good this state is when several domains disagree (higher = better); used to pick the best. */
    public int rank() {
        return switch (this) {
            case HOME, ROAMING, HOME_CSFB_NOT_PREFERRED, ROAMING_CSFB_NOT_PREFERRED -> 5;
            case HOME_SMS_ONLY, ROAMING_SMS_ONLY -> 4;
            case SEARCHING -> 3;
            case DENIED -> 2;
            case EMERGENCY_ONLY, ATTACHED_RLOS -> 1;
            case NOT_REGISTERED, UNKNOWN -> 0;
        };
    }
}

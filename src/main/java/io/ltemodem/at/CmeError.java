package io.ltemodem.at;

import java.util.Locale;
import java.util.Map;

/**
 * +CME ERROR numbers that the engine acts on (27.007 §9.2), and the mapping from the verbose text form
 * ({@code AT+CMEE=2}) to the number, so that both modes lead to the same decision.
 */
public final class CmeError {
    public static final int NOT_ALLOWED = 3;
    public static final int NOT_SUPPORTED = 4;
    public static final int SIM_NOT_INSERTED = 10;
    public static final int SIM_PIN_REQUIRED = 11;
    public static final int SIM_PUK_REQUIRED = 12;
    public static final int SIM_FAILURE = 13;
    public static final int SIM_BUSY = 14;
    public static final int SIM_WRONG = 15;
    public static final int INCORRECT_PASSWORD = 16;
    public static final int NO_NETWORK_SERVICE = 30;
    public static final int NETWORK_TIMEOUT = 31;
    public static final int NETWORK_NOT_ALLOWED = 32;
    public static final int UNKNOWN = 100;
    public static final int GPRS_NOT_ALLOWED = 107;
    public static final int PLMN_NOT_ALLOWED = 111;
    public static final int MISSING_APN = 127;
    public static final int AUTH_FAILED = 129;
    public static final int ACTIVATION_REJECTED = 131;

    private static final Map<String, Integer> BY_TEXT = Map.ofEntries(
            Map.entry("operation not allowed", NOT_ALLOWED),
            Map.entry("operation not supported", NOT_SUPPORTED),
            Map.entry("sim not inserted", SIM_NOT_INSERTED),
            Map.entry("sim pin required", SIM_PIN_REQUIRED),
            Map.entry("sim puk required", SIM_PUK_REQUIRED),
            Map.entry("sim failure", SIM_FAILURE),
            Map.entry("sim busy", SIM_BUSY),
            Map.entry("sim wrong", SIM_WRONG),
            Map.entry("incorrect password", INCORRECT_PASSWORD),
            Map.entry("no network service", NO_NETWORK_SERVICE),
            Map.entry("network timeout", NETWORK_TIMEOUT),
            Map.entry("network not allowed - emergency calls only", NETWORK_NOT_ALLOWED),
            Map.entry("unknown", UNKNOWN),
            Map.entry("gprs services not allowed", GPRS_NOT_ALLOWED),
            Map.entry("plmn not allowed", PLMN_NOT_ALLOWED),
            Map.entry("missing or unknown apn", MISSING_APN),
            Map.entry("user authentication failed", AUTH_FAILED));

    private CmeError() {
    }

    /** The number for {@code "14"} or {@code "SIM busy"}; null when neither a number nor a known text. */
    public static Integer parse(String value) {
        String v = value.trim();
        if (v.isEmpty()) return null;
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 6) return Integer.parseInt(v);
        return BY_TEXT.get(v.toLowerCase(Locale.ROOT));
    }
}

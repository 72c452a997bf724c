package io.ltemodem.qmi;

/** DMS operating mode, with qmicli's and uqmi's spellings and the +CFUN value the engine reasons with. */
public enum OperatingMode {
    ONLINE(0, "online"),
    LOW_POWER(1, "low-power"),
    FACTORY_TEST(2, "factory-test"),
    OFFLINE(3, "offline"),
    RESET(4, "reset"),
    SHUTTING_DOWN(5, "shutting-down"),
    PERSISTENT_LOW_POWER(6, "persistent-low-power"),
    MODE_ONLY_LOW_POWER(7, "mode-only-low-power");

    private final int code;
    private final String qmicli;

    OperatingMode(int code, String qmicli) {
        this.code = code;
        this.qmicli = qmicli;
    }

    public int code() {
        return code;
    }

    /** {@code low-power}: what qmicli prints and takes in {@code --dms-set-operating-mode}. */
    public String qmicli() {
        return qmicli;
    }

    /** {@code low_power}: uqmi's spelling. */
    public String uqmi() {
        return qmicli.replace('-', '_');
    }

    /** Either tool's spelling; null when unknown. */
    public static OperatingMode parse(String s) {
        if (s == null) return null;
        String t = s.trim().replace('_', '-');
        for (OperatingMode m : values()) if (m.qmicli.equalsIgnoreCase(t)) return m;
        return null;
    }

    /**
     * The 27.007 +CFUN equivalent: online → 1 (full), the low-power modes → 4 (RF off), offline/reset/shutting
     * down → 0 (minimum); factory test has none (null).
     */
    public Integer cfun() {
        return switch (this) {
            case ONLINE -> 1;
            case LOW_POWER, PERSISTENT_LOW_POWER, MODE_ONLY_LOW_POWER -> 4;
            case OFFLINE, RESET, SHUTTING_DOWN -> 0;
            case FACTORY_TEST -> null;
        };
    }
}

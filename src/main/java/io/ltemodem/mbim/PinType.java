package io.ltemodem.mbim;

/** MBIM PIN types (MbimPinType) a SIM may ask for; PIN1 and PUK1 are the ones that matter here. */
public enum PinType {
    UNKNOWN(0, "unknown"),
    CUSTOM(1, "custom"),
    PIN1(2, "pin1"),
    PIN2(3, "pin2"),
    DEVICE_SIM_PIN(4, "device-sim-pin"),
    DEVICE_FIRST_SIM_PIN(5, "device-first-sim-pin"),
    NETWORK_PIN(6, "network-pin"),
    NETWORK_SUBSET_PIN(7, "network-subset-pin"),
    SERVICE_PROVIDER_PIN(8, "service-provider-pin"),
    CORPORATE_PIN(9, "corporate-pin"),
    SUBSIDY_PIN(10, "subsidy-pin"),
    PUK1(11, "puk1"),
    PUK2(12, "puk2"),
    DEVICE_FIRST_SIM_PUK(13, "device-first-sim-puk"),
    NETWORK_PUK(14, "network-puk"),
    NETWORK_SUBSET_PUK(15, "network-subset-puk"),
    SERVICE_PROVIDER_PUK(16, "service-provider-puk"),
    CORPORATE_PUK(17, "corporate-puk");

    private final int code;
    private final String nick;

    PinType(int code, String nick) {
        this.code = code;
        this.nick = nick;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The name mbimcli and umbim print. */
    public String nick() {
        return nick;
    }

    /** Null for a number not listed here. */
    public static PinType fromCode(int code) {
        for (PinType v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static PinType fromNick(String nick) {
        if (nick == null) return null;
        for (PinType v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

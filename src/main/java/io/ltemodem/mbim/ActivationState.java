package io.ltemodem.mbim;

/** MBIM CONNECT activation state (MbimActivationState). */
public enum ActivationState {
    UNKNOWN(0, "unknown"),
    ACTIVATED(1, "activated"),
    ACTIVATING(2, "activating"),
    DEACTIVATED(3, "deactivated"),
    DEACTIVATING(4, "deactivating");

    private final int code;
    private final String nick;

    ActivationState(int code, String nick) {
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
    public static ActivationState fromCode(int code) {
        for (ActivationState v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static ActivationState fromNick(String nick) {
        if (nick == null) return null;
        for (ActivationState v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

package io.ltemodem.mbim;

/** MBIM SUBSCRIBER_READY_STATUS ready state (MbimSubscriberReadyState): is the SIM usable? */
public enum ReadyState {
    NOT_INITIALIZED(0, "not-initialized"),
    INITIALIZED(1, "initialized"),
    SIM_NOT_INSERTED(2, "sim-not-inserted"),
    BAD_SIM(3, "bad-sim"),
    FAILURE(4, "failure"),
    NOT_ACTIVATED(5, "not-activated"),
    DEVICE_LOCKED(6, "device-locked"),
    NO_ESIM_PROFILE(7, "no-esim-profile");

    private final int code;
    private final String nick;

    ReadyState(int code, String nick) {
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
    public static ReadyState fromCode(int code) {
        for (ReadyState v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static ReadyState fromNick(String nick) {
        if (nick == null) return null;
        for (ReadyState v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

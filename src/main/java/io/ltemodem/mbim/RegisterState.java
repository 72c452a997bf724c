package io.ltemodem.mbim;

/** MBIM REGISTER_STATE register state (MbimRegisterState). */
public enum RegisterState {
    UNKNOWN(0, "unknown"),
    DEREGISTERED(1, "deregistered"),
    SEARCHING(2, "searching"),
    HOME(3, "home"),
    ROAMING(4, "roaming"),
    PARTNER(5, "partner"),
    DENIED(6, "denied");

    private final int code;
    private final String nick;

    RegisterState(int code, String nick) {
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
    public static RegisterState fromCode(int code) {
        for (RegisterState v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static RegisterState fromNick(String nick) {
        if (nick == null) return null;
        for (RegisterState v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

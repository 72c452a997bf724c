package io.ltemodem.mbim;

/** MBIM PACKET_SERVICE state (MbimPacketServiceState). */
public enum PacketServiceState {
    UNKNOWN(0, "unknown"),
    ATTACHING(1, "attaching"),
    ATTACHED(2, "attached"),
    DETACHING(3, "detaching"),
    DETACHED(4, "detached");

    private final int code;
    private final String nick;

    PacketServiceState(int code, String nick) {
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
    public static PacketServiceState fromCode(int code) {
        for (PacketServiceState v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static PacketServiceState fromNick(String nick) {
        if (nick == null) return null;
        for (PacketServiceState v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

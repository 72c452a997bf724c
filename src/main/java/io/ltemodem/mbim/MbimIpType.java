package io.ltemodem.mbim;

/** MBIM context IP type (MbimContextIpType), as CONNECT asks for it and reports it. */
public enum MbimIpType {
    DEFAULT(0, "default"),
    IPV4(1, "ipv4"),
    IPV6(2, "ipv6"),
    IPV4V6(3, "ipv4v6"),
    IPV4_AND_IPV6(4, "ipv4-and-ipv6");

    private final int code;
    private final String nick;

    MbimIpType(int code, String nick) {
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
    public static MbimIpType fromCode(int code) {
        for (MbimIpType v : values()) if (v.code == code) return v;
        return null;
    }

    /** Null for a name not listed here (case-insensitive). */
    public static MbimIpType fromNick(String nick) {
        if (nick == null) return null;
        for (MbimIpType v : values()) if (v.nick.equalsIgnoreCase(nick.trim())) return v;
        return null;
    }
}

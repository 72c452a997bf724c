package io.ltemodem.dataplane.ndis;

import java.util.Locale;

/**
 * The USB network function an AT-dialled modem shows (the UCI {@code protocol} values that use this plane): the
 * data path is an Ethernet-like netdev that netifd addresses by DHCP.
 */
public enum NetMode {
    NCM("ncm"), ECM("ecm"), RNDIS("rndis"), CDC_ETHER("cdc_ether");

    private final String protocol;

    NetMode(String protocol) {
        this.protocol = protocol;
    }

    /** The UCI protocol name and the plane's name. */
    public String protocol() {
        return protocol;
    }

    /** Null for a protocol that is not one of these. */
    public static NetMode fromProtocol(String p) {
        if (p == null) return null;
        for (NetMode m : values()) if (m.protocol.equals(p.toLowerCase(Locale.ROOT))) return m;
        return null;
    }
}

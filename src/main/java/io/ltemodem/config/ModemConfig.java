package io.ltemodem.config;

import java.util.Objects;

/**
 * What the user wants of one modem: one {@code config interface} with {@code proto 'ltemodem'} (DESIGN §7).
 * Secrets (pincode, password) are kept out of {@link #toString()}.
 */
public record ModemConfig(String name, String device, String apn, PdpType pdpType, Auth auth,
                          String username, String password, String pincode, String protocol,
                          boolean allowRoaming, int profile, int mtu, boolean dhcp, boolean dhcpv6,
                          boolean sourcefilter) {

    public enum PdpType {
        IPV4("IP"), IPV6("IPV6"), IPV4V6("IPV4V6");

        private final String at;

        PdpType(String at) {
            this.at = at;
        }

        /** The +CGDCONT spelling. */
        public String at() {
            return at;
        }

        public static PdpType fromUci(String v) {
            return valueOf(v.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Auth { NONE, PAP, CHAP, BOTH }

    public ModemConfig {
        Objects.requireNonNull(name, "name");
        device = device == null || device.isEmpty() ? "auto" : device;
        apn = apn == null ? "" : apn;
        pdpType = pdpType == null ? PdpType.IPV4V6 : pdpType;
        auth = auth == null ? Auth.NONE : auth;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        pincode = pincode == null ? "" : pincode;
        protocol = protocol == null || protocol.isEmpty() ? "auto" : protocol;
        if (profile < 1) profile = 1;
    }

    /** Defaults for an interface named {@code name}. */
    public static ModemConfig defaults(String name) {
        return new ModemConfig(name, "auto", "", PdpType.IPV4V6, Auth.NONE, "", "", "", "auto",
                false, 1, 0, true, true, true);
    }

    public ModemConfig withApn(String v) {
        return new ModemConfig(name, device, v, pdpType, auth, username, password, pincode, protocol,
                allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    public ModemConfig withPin(String v) {
        return new ModemConfig(name, device, apn, pdpType, auth, username, password, v, protocol,
                allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    public ModemConfig withPdpType(PdpType v) {
        return new ModemConfig(name, device, apn, v, auth, username, password, pincode, protocol,
                allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    public ModemConfig withRoaming(boolean v) {
        return new ModemConfig(name, device, apn, pdpType, auth, username, password, pincode, protocol,
                v, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    public ModemConfig withDevice(String v) {
        return new ModemConfig(name, v, apn, pdpType, auth, username, password, pincode, protocol,
                allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    public ModemConfig withProtocol(String v) {
        return new ModemConfig(name, device, apn, pdpType, auth, username, password, pincode, v,
                allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
    }

    @Override
    public String toString() {
        return "ModemConfig{" + name + ", device=" + device + ", apn=" + apn + ", pdptype=" + pdpType
                + ", auth=" + auth + ", username=" + (username.isEmpty() ? "" : "***")
                + ", password=" + (password.isEmpty() ? "" : "***") + ", pincode=" + (pincode.isEmpty() ? "" : "***")
                + ", protocol=" + protocol + ", roaming=" + allowRoaming + ", profile=" + profile + ", mtu=" + mtu + "}";
    }
}

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
        return toBuilder().apn(v).build();
    }

    public ModemConfig withPin(String v) {
        return toBuilder().pincode(v).build();
    }

    public ModemConfig withPdpType(PdpType v) {
        return toBuilder().pdpType(v).build();
    }

    public ModemConfig withRoaming(boolean v) {
        return toBuilder().allowRoaming(v).build();
    }

    public ModemConfig withDevice(String v) {
        return toBuilder().device(v).build();
    }

    public ModemConfig withProtocol(String v) {
        return toBuilder().protocol(v).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.device = device;
        b.apn = apn;
        b.pdpType = pdpType;
        b.auth = auth;
        b.username = username;
        b.password = password;
        b.pincode = pincode;
        b.protocol = protocol;
        b.allowRoaming = allowRoaming;
        b.profile = profile;
        b.mtu = mtu;
        b.dhcp = dhcp;
        b.dhcpv6 = dhcpv6;
        b.sourcefilter = sourcefilter;
        return b;
    }

    /** A changed copy, field by field (the record has too many fields for positional copies). */
    public static final class Builder {
        private String name;
        private String device;
        private String apn;
        private PdpType pdpType;
        private Auth auth;
        private String username;
        private String password;
        private String pincode;
        private String protocol;
        private boolean allowRoaming;
        private int profile;
        private int mtu;
        private boolean dhcp;
        private boolean dhcpv6;
        private boolean sourcefilter;

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder device(String v) {
            device = v;
            return this;
        }

        public Builder apn(String v) {
            apn = v;
            return this;
        }

        public Builder pdpType(PdpType v) {
            pdpType = v;
            return this;
        }

        public Builder auth(Auth v) {
            auth = v;
            return this;
        }

        public Builder username(String v) {
            username = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder pincode(String v) {
            pincode = v;
            return this;
        }

        public Builder protocol(String v) {
            protocol = v;
            return this;
        }

        public Builder allowRoaming(boolean v) {
            allowRoaming = v;
            return this;
        }

        public Builder profile(int v) {
            profile = v;
            return this;
        }

        public Builder mtu(int v) {
            mtu = v;
            return this;
        }

        public Builder dhcp(boolean v) {
            dhcp = v;
            return this;
        }

        public Builder dhcpv6(boolean v) {
            dhcpv6 = v;
            return this;
        }

        public Builder sourcefilter(boolean v) {
            sourcefilter = v;
            return this;
        }

        public ModemConfig build() {
            return new ModemConfig(name, device, apn, pdpType, auth, username, password, pincode, protocol, allowRoaming, profile, mtu, dhcp, dhcpv6, sourcefilter);
        }
    }

    @Override
    public String toString() {
        return "ModemConfig{" + name + ", device=" + device + ", apn=" + apn + ", pdptype=" + pdpType
                + ", auth=" + auth + ", username=" + (username.isEmpty() ? "" : "***")
                + ", password=" + (password.isEmpty() ? "" : "***") + ", pincode=" + (pincode.isEmpty() ? "" : "***")
                + ", protocol=" + protocol + ", roaming=" + allowRoaming + ", profile=" + profile + ", mtu=" + mtu + "}";
    }
}

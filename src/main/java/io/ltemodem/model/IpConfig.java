package io.ltemodem.model;

/**
 * The IP configuration of the data session. {@code dhcp}/{@code dhcpv6}: the host side must run DHCP
 * on the netdev (NCM/ECM/RNDIS/HiLink) instead of applying static settings.
 */
public record IpConfig(Ipv4Config ipv4, Ipv6Config ipv6, Integer mtu, boolean dhcp, boolean dhcpv6) {
    public static IpConfig ofStatic(Ipv4Config v4, Ipv6Config v6, Integer mtu) {
        return new IpConfig(v4, v6, mtu, false, false);
    }

    public boolean hasAddress() {
        return ipv4 != null || ipv6 != null || dhcp || dhcpv6;
    }
}

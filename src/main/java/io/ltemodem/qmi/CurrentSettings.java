package io.ltemodem.qmi;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;

import java.util.List;

/** WDS current settings of one session: the IPv4 or IPv6 half (or both, on modems that merge), MTU, domains. */
public record CurrentSettings(IpFamily family, Ipv4Config ipv4, Ipv6Config ipv6, Integer mtu, List<String> domains) {
    public CurrentSettings {
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** Static settings for the host: the modem hands out the address, the host applies it (no DHCP needed). */
    public IpConfig toIpConfig() {
        return IpConfig.ofStatic(ipv4, ipv6, mtu);
    }

    /** Joins the two halves of a dual-stack connection (two WDS clients): IPv4 from one, IPv6 from the other. */
    public static IpConfig merge(CurrentSettings v4, CurrentSettings v6) {
        Ipv4Config a = v4 != null ? v4.ipv4 : v6 != null ? v6.ipv4 : null;
        Ipv6Config b = v6 != null && v6.ipv6 != null ? v6.ipv6 : v4 != null ? v4.ipv6 : null;
        Integer mtu = v4 != null && v4.mtu != null ? v4.mtu : v6 != null ? v6.mtu : null;
        if (a == null && b == null) return null;
        return IpConfig.ofStatic(a, b, mtu);
    }
}

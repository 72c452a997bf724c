package io.ltemodem.sim;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;

/**
 * A snapshot of one PDP context as the simulated modem holds it.
 *
 * @param cid               context id (1..15)
 * @param pdpType           {@code IP}, {@code IPV6} or {@code IPV4V6}
 * @param apn               the APN defined with {@code +CGDCONT} (may be empty: the network picks)
 * @param activeApn         the APN in use while active (the network's when {@code apn} is empty), else null
 * @param active            {@code +CGACT} state
 * @param bearerId          EPS bearer id while active (5..15), else 0
 * @param ipv4              assigned IPv4 address, null when none (inactive, IPv6-only)
 * @param ipv4PrefixLength  IPv4 subnet prefix length
 * @param ipv4Gateway       IPv4 gateway, null when none
 * @param ipv6              assigned IPv6 address, null when none
 * @param dns4              IPv4 DNS servers (empty when none)
 * @param dns6              IPv6 DNS servers (empty when none)
 * @param mtu               link MTU the network announces
 * @param ipLost            the "bearer up but IP lost" fault: active, but the modem reports no address
 * @param trafficDropped    the "session lies" fault: active with its address, but no traffic passes
 */
public record PdpContextInfo(int cid, String pdpType, String apn, String activeApn, boolean active, int bearerId,
                             Inet4Address ipv4, int ipv4PrefixLength, Inet4Address ipv4Gateway, Inet6Address ipv6,
                             List<Inet4Address> dns4, List<Inet6Address> dns6, int mtu, boolean ipLost,
                             boolean trafficDropped) {
    public PdpContextInfo {
        dns4 = List.copyOf(dns4);
        dns6 = List.copyOf(dns6);
    }

    /** Active with at least one address the modem will report. */
    public boolean hasAddress() {
        return active && !ipLost && (ipv4 != null || ipv6 != null);
    }
}

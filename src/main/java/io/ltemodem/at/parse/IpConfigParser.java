package io.ltemodem.at.parse;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code AT+CGCONTRDP[=<cid>]} (27.007 §10.1.23) → {@link IpConfig}:
 * <pre>
 * +CGCONTRDP: &lt;cid&gt;,&lt;bearer_id&gt;,&lt;apn&gt;[,&lt;local_addr and subnet_mask&gt;[,&lt;gw_addr&gt;[,&lt;DNS_prim&gt;[,&lt;DNS_sec&gt;
 *             [,&lt;P-CSCF_prim&gt;[,&lt;P-CSCF_sec&gt;[,&lt;IM_CN_flag&gt;[,&lt;LIPA&gt;[,&lt;IPv4_MTU&gt;...]]]]]]]]]
 * </pre>
 * A dual-stack context answers with one line per family. The local address comes in the forms seen in
 * the field: 8 dotted numbers (IPv4 address + mask, the 27.007 default), 32 (IPv6 + mask), 4 or 16
 * (address without mask), colon IPv6, {@code addr/len}, {@code "addr mask"} in one field, and the
 * pre-27.007-v9.4 form where the mask is a field of its own ({@code "2.197.17.49","255.255.255.255",...},
 * recognised because a gateway never looks like a netmask). Without a mask the prefix is /32 for IPv4
 * (a bearer is point-to-point) and /64 for IPv6 (the length 3GPP assigns to a PDN connection).
 * Unspecified addresses (0.0.0.0, ::) read as absent; a family's DNS servers are kept only when of that
 * family. mtu is the {@code <IPv4_MTU>} field when present and plausible, else null.
 */
public final class IpConfigParser {
    private static final int MTU_FIELD = 11;

    private IpConfigParser() {
    }

    /** The configuration of the first context that appears in the lines. */
    public static Optional<IpConfig> parseCgcontrdp(List<String> lines) {
        return Lines.guarded(() -> {
            Optional<Integer> cid = Lines.first(lines, line ->
                    AtFields.of(line, "+CGCONTRDP").map(f -> f.integer(0)));
            return cid.isEmpty() ? Optional.empty() : parseCgcontrdp(cid.get(), lines);
        });
    }

    /** The configuration of context {@code cid}; lines of other contexts are ignored. */
    public static Optional<IpConfig> parseCgcontrdp(int cid, List<String> lines) {
        return Lines.guarded(() -> {
            if (lines == null) return Optional.empty();
            Ipv4Config v4 = null;
            Ipv6Config v6 = null;
            Integer mtu = null;
            for (String line : lines) {
                Optional<AtFields> of = AtFields.of(line, "+CGCONTRDP");
                if (of.isEmpty()) continue;
                AtFields f = of.get();
                Integer c = f.integer(0);
                if (c == null || f.quoted(0)) return Optional.empty();
                if (c != cid) continue;
                Bearer x;
                try {
                    x = bearer(f);
                } catch (Malformed e) {
                    return Optional.empty();
                }
                if (x == null) continue;
                if (x.v6 && v6 == null) v6 = new Ipv6Config(x.address, x.prefix, x.gateway, x.dns);
                if (!x.v6 && v4 == null) v4 = new Ipv4Config(x.address, x.prefix, x.gateway, x.dns);
                if (mtu == null) mtu = x.mtu;
            }
            if (v4 == null && v6 == null) return Optional.empty();
            return Optional.of(IpConfig.ofStatic(v4, v6, mtu));
        });
    }

    /** One family's settings from one line. */
    private record Bearer(boolean v6, String address, int prefix, String gateway, List<String> dns, Integer mtu) {
    }

    /** Address + prefix as read from the local-address field(s), and how many fields it took. */
    private record Local(IpAddresses.Address address, Integer prefix, int fields) {
    }

    /** A field that is present but unreadable: the whole answer is unknown. */
    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    /** The settings one line gives, or null when it has no local address (nothing to configure). */
    private static Bearer bearer(AtFields f) throws Malformed {
        if (f.blank(3)) return null;
        Local local = local(f);
        if (local.address.unspecified()) return null;
        boolean v6 = local.address.v6();
        int next = 3 + local.fields;
        String gateway = addressOf(f, next, v6);
        List<String> dns = new ArrayList<>();
        for (int i = next + 1; i <= next + 2; i++) {
            String d = addressOf(f, i, v6);
            if (d != null) dns.add(d);
        }
        int prefix = local.prefix != null ? local.prefix : v6 ? 64 : 32;
        Integer mtu = f.integer(MTU_FIELD + local.fields - 1);
        if (mtu != null && (mtu < 68 || mtu > 65535)) mtu = null;
        return new Bearer(v6, local.address.text(), prefix, gateway, dns, mtu);
    }

    private static Local local(AtFields f) throws Malformed {
        String text = f.text(3);
        String[] parts = text.split("\\s+");
        if (parts.length == 2) {
            // "addr mask" in one field.
            IpAddresses.Address a = IpAddresses.parse(parts[0]);
            Integer prefix = a == null ? null : maskPrefix(parts[1], a.v6());
            if (a == null || prefix == null) throw new Malformed();
            return new Local(a, prefix, 1);
        }
        if (parts.length != 1) throw new Malformed();
        int[] dotted = text.indexOf(':') >= 0 || text.indexOf('/') >= 0 ? null : IpAddresses.dotted(text);
        if (dotted != null && (dotted.length == 8 || dotted.length == 32)) {
            int half = dotted.length / 2;
            IpAddresses.Address a = new IpAddresses.Address(IpAddresses.slice(dotted, 0, half), null);
            int[] mask = IpAddresses.slice(dotted, half, half);
            Integer prefix = IpAddresses.zero(mask, 0, half) ? null : IpAddresses.prefixLength(mask);
            if (prefix == null && !IpAddresses.zero(mask, 0, half)) throw new Malformed();
            return new Local(a, prefix, 1);
        }
        IpAddresses.Address a = IpAddresses.parse(text);
        if (a == null) throw new Malformed();
        if (a.prefix() != null) return new Local(a, a.prefix(), 1);
        // Pre-v9.4: the mask may follow as a field of its own.
        Integer prefix = f.blank(4) ? null : maskPrefix(f.text(4), a.v6());
        return prefix != null ? new Local(a, prefix, 2) : new Local(a, null, 1);
    }

    /** The prefix length when {@code text} is a netmask of that family starting with 255; else null. */
    private static Integer maskPrefix(String text, boolean v6) {
        IpAddresses.Address m = IpAddresses.parse(text);
        if (m == null || m.v6() != v6 || m.prefix() != null || m.bytes()[0] != 255) return null;
        return IpAddresses.prefixLength(m.bytes());
    }

    /** Field {@code i} as an address of the family; null when absent, unspecified or of the other family. */
    private static String addressOf(AtFields f, int i, boolean v6) throws Malformed {
        if (f.blank(i)) return null;
        IpAddresses.Address a = IpAddresses.parse(f.text(i));
        if (a == null) throw new Malformed();
        return !a.unspecified() && a.v6() == v6 ? a.text() : null;
    }
}

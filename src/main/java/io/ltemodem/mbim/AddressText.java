package io.ltemodem.mbim;

import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import io.ltemodem.sys.IpLiteral;

import java.util.ArrayList;
import java.util.List;

/**
 * The IP settings both tools print as text ({@code 10.123.45.67/29}, a gateway, DNS servers) turned into the
 * snapshot's types; anything that is not an address literal, an impossible prefix, or the unspecified address reads
 * as absent.
 */
final class AddressText {
    private AddressText() {
    }

    /** {@code address[/prefix]} (no prefix: /32) with its gateway and DNS servers, or null when the address is bad. */
    static Ipv4Config v4(String addressAndPrefix, String gateway, List<String> dns) {
        String[] ap = addressAndPrefix.split("/", 2);
        String a = IpLiteral.v4(ap[0]);
        Integer p = ap.length == 2 ? MbimcliParsers.number(ap[1]) : Integer.valueOf(32);
        if (a == null || p == null || p > 32) return null;
        List<String> d = new ArrayList<>();
        for (String s : dns) {
            String x = IpLiteral.v4(s);
            if (x != null && !IpLiteral.unspecified(x)) d.add(x);
        }
        return new Ipv4Config(a, p, IpLiteral.v4(gateway), d);
    }

    /** {@code address[/prefix]} (no prefix: /64) with its gateway and DNS servers, or null when the address is bad. */
    static Ipv6Config v6(String addressAndPrefix, String gateway, List<String> dns) {
        String[] ap = addressAndPrefix.split("/", 2);
        String a = IpLiteral.v6(ap[0]);
        Integer p = ap.length == 2 ? MbimcliParsers.number(ap[1]) : Integer.valueOf(64);
        if (a == null || p == null || p > 128) return null;
        List<String> d = new ArrayList<>();
        for (String s : dns) {
            String x = IpLiteral.v6(s);
            if (x != null && !IpLiteral.unspecified(x)) d.add(x);
        }
        return new Ipv6Config(a, p, IpLiteral.v6(gateway), d);
    }
}

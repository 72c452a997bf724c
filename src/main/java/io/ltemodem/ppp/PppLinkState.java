package io.ltemodem.ppp;

import io.ltemodem.model.Ipv4Config;
import io.ltemodem.sys.IpLiteral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What pppd's ip-up hook reported ({@code KEY=value} lines in the run directory's {@code ipv4.state}): the PPP
 * interface, our address, the peer's, and the DNS servers the network gave ({@code usepeerdns}). Values are checked
 * as address literals; anything else reads as absent.
 */
public record PppLinkState(String ifname, Ipv4Config ipv4) {

    /** The IPv4 link as the hook last reported it, or null when it is not up (no state file, or no valid address). */
    public static PppLinkState read(Path runDir) {
        Map<String, String> v4 = keyValues(runDir.resolve(PppFiles.IPV4_STATE));
        String local = IpLiteral.v4(v4.get("IPLOCAL"));
        if (local == null || IpLiteral.unspecified(local)) return null;
        List<String> dns = new ArrayList<>();
        for (String k : List.of("DNS1", "DNS2")) {
            String d = IpLiteral.v4(v4.get(k));
            if (d != null && !IpLiteral.unspecified(d) && !dns.contains(d)) dns.add(d);
        }
        // A PPP link is point-to-point: our address /32, the peer as the gateway.
        return new PppLinkState(v4.get("IFNAME"), new Ipv4Config(local, 32, IpLiteral.v4(v4.get("IPREMOTE")), dns));
    }

    /**
     * IPv6CP came up: pppd logs {@code local  LL address fe80::...} (and {@code remote LL address ...}) when it does.
     * pppd 2.4.9 has no option to point its IPv6 hooks elsewhere than /etc/ppp, so its log is where the plane learns it.
     */
    public static boolean ipv6Up(List<String> pppdOutput) {
        for (String l : pppdOutput) {
            String t = l.trim();
            if (t.startsWith("local  LL address") || t.startsWith("local LL address")) {
                String[] w = t.split("\\s+");
                if (IpLiteral.v6(w[w.length - 1]) != null) return true;
            }
        }
        return false;
    }

    private static Map<String, String> keyValues(Path p) {
        Map<String, String> m = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return m;
        }
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0 && l.length() < 200) m.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return m;
    }
}

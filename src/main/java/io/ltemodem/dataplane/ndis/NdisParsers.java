package io.ltemodem.dataplane.ndis;

import io.ltemodem.model.Ipv4Config;
import io.ltemodem.sys.IpLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The vendor NDIS answers: Quectel {@code +QNETDEVCTL?}, Huawei {@code ^NDISSTATQRY?} and {@code ^DHCP?}. Lines
 * without the prefix are skipped (interleaved URCs); a line with the prefix that cannot be read makes the answer
 * unknown (null). None throws, whatever the input.
 */
public final class NdisParsers {
    private static final Pattern HEX = Pattern.compile("(?:0[xX])?([0-9A-Fa-f]{1,8})");
    private static final Pattern INT = Pattern.compile("[0-9]{1,6}");

    private NdisParsers() {
    }

    /** The Quectel netdev control as {@code +QNETDEVCTL: <op>,<cid>,<urc_en>,<state>} reports it. */
    public record Qnetdevctl(int op, int cid, int urc, boolean connected) {
    }

    /** {@code +QNETDEVCTL: 1,1,1,1} → op 1, cid 1, URC on, connected; null when no such line can be read. */
    public static Qnetdevctl parseQnetdevctl(List<String> lines) {
        try {
            String p = payload(lines, "+QNETDEVCTL:");
            if (p == null) return null;
            List<String> f = split(p);
            if (f.size() < 4) return null;
            for (int i = 0; i < 4; i++) if (!INT.matcher(f.get(i)).matches()) return null;
            int state = Integer.parseInt(f.get(3));
            if (state > 1) return null;
            return new Qnetdevctl(Integer.parseInt(f.get(0)), Integer.parseInt(f.get(1)), Integer.parseInt(f.get(2)), state == 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code ^NDISSTATQRY: <stat>,<err>,<wx_state>,<PDP_type>[,<stat>,<err>,<wx_state>,<PDP_type>]}: true when any
     * family is connected (stat 1), false when every one reported is not; null when unreadable. A bare
     * {@code ^NDISSTATQRY: 1,,,} (older firmware, no type) counts too.
     */
    public static Boolean parseNdisstatqry(List<String> lines) {
        try {
            String p = payload(lines, "^NDISSTATQRY:");
            if (p == null) return null;
            List<String> f = split(p);
            boolean any = false;
            for (int i = 0; i < f.size(); i += 4) {
                String stat = f.get(i);
                if (stat.isEmpty() && i > 0) continue;
                if (!stat.equals("0") && !stat.equals("1")) return null;
                if (stat.equals("1")) any = true;
            }
            return any;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code ^DHCP: <ip>,<netmask>,<gateway>,<dhcp_server>,<dns1>,<dns2>,<max_rx>,<max_tx>}: every address a u32
     * in hex with the least significant byte first ({@code 2032A8C0} is 192.168.50.32), sometimes with {@code 0x},
     * sometimes with the leading zeros stripped ({@code 1010A0A} is 10.10.1.1; ModemManager
     * {@code mm_huawei_parse_dhcp_response}). Null when unreadable, the mask is not contiguous, or there is no address.
     */
    public static Ipv4Config parseHuaweiDhcp(List<String> lines) {
        try {
            String p = payload(lines, "^DHCP:");
            if (p == null) return null;
            List<String> f = split(p);
            if (f.size() < 6) return null;
            String ip = leHex(f.get(0));
            String mask = leHex(f.get(1));
            String gw = leHex(f.get(2));
            if (ip == null || mask == null || gw == null || IpLiteral.unspecified(ip)) return null;
            Integer prefix = IpLiteral.prefixOfMask(mask);
            if (prefix == null) return null;
            List<String> dns = new ArrayList<>();
            for (int i = 4; i <= 5; i++) {
                String d = leHex(f.get(i));
                if (d == null) return null;
                if (!IpLiteral.unspecified(d)) dns.add(d);
            }
            return new Ipv4Config(ip, prefix, IpLiteral.unspecified(gw) ? null : gw, dns);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One little-endian hex address as dotted text, or null. */
    static String leHex(String field) {
        String t = field.trim();
        if (!HEX.matcher(t).matches()) return null;
        long v = Long.parseLong(t.replaceFirst("^0[xX]", ""), 16);
        byte[] b = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        return IpLiteral.v4(b);
    }

    /** The part after {@code prefix} of the first line that starts with it (case-insensitive), or null. */
    private static String payload(List<String> lines, String prefix) {
        if (lines == null) return null;
        for (String l : lines) {
            if (l == null) continue;
            String t = l.trim();
            if (t.toUpperCase(Locale.ROOT).startsWith(prefix)) return t.substring(prefix.length()).trim();
        }
        return null;
    }

    /** Fields at commas outside quotes, trimmed, quotes removed. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString().trim());
        return out;
    }
}

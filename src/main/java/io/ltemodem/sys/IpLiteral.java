package io.ltemodem.sys;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Validates and normalises IP address text from tool output and modem answers, never resolving a name: anything
 * that is not a literal is rejected before it could reach a resolver.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /** A dotted-quad IPv4 address in canonical form, or null. */
    public static String v4(String s) {
        int[] b = quad(s);
        return b == null ? null : b[0] + "." + b[1] + "." + b[2] + "." + b[3];
    }

    /** IPv4 text of 4 bytes in network order. */
    public static String v4(byte[] b) {
        if (b == null || b.length != 4) return null;
        return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
    }

    /** Prefix length of a contiguous dotted netmask (255.255.255.248 → 29), or null. */
    public static Integer prefixOfMask(String s) {
        int[] b = quad(s);
        if (b == null) return null;
        long v = (long) b[0] << 24 | (long) b[1] << 16 | (long) b[2] << 8 | b[3];
        int n = Long.bitCount(v);
        long expect = n == 0 ? 0 : (0xFFFFFFFFL << (32 - n)) & 0xFFFFFFFFL;
        return v == expect ? n : null;
    }

    /** An IPv6 literal in RFC 5952 form, or null. */
    public static String v6(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (t.isEmpty() || t.indexOf(':') < 0 || t.length() > 45) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') return null;
        }
        try {
            // With a ':' and only hex digits and dots, InetAddress parses a literal and never looks anything up.
            byte[] b = InetAddress.getByName(t).getAddress();
            return b.length == 16 ? compress(b) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Either family: the canonical text, or null. */
    public static String any(String s) {
        String v4 = v4(s);
        return v4 != null ? v4 : v6(s);
    }

    /** True for 0.0.0.0 and ::. */
    public static boolean unspecified(String canonical) {
        return "0.0.0.0".equals(canonical) || "::".equals(canonical);
    }

    /** RFC 5952 text: lower case, longest run of zero words (length ≥ 2) as {@code ::}. */
    public static String compress(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        int bestAt = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) {
                bestLen = j - i;
                bestAt = i;
            }
            i = j;
        }
        if (bestLen < 2) bestAt = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    private static int[] quad(String s) {
        if (s == null) return null;
        String[] p = s.trim().split("\\.", -1);
        if (p.length != 4) return null;
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            if (p[i].isEmpty() || p[i].length() > 3 || !p[i].chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            out[i] = Integer.parseInt(p[i]);
            if (out[i] > 255) return null;
        }
        return out;
    }
}

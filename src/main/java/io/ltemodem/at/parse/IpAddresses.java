package io.ltemodem.at.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address text as modems write it. 27.007 writes IPv6 by default as 16 dot-separated decimal bytes
 * ({@code 32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1}) unless {@code AT+CGPIAF} selects the colon form, and
 * glues address and mask into one dotted string in {@code +CGCONTRDP}. Everything here works on byte
 * arrays and never resolves names: {@code InetAddress.getByName} would do a DNS lookup on odd input.
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** An address (4 or 16 bytes) with an optional prefix length from a {@code /len} suffix. */
    record Address(int[] bytes, Integer prefix) {
        boolean v6() {
            return bytes.length == 16;
        }

        /** 0.0.0.0 or :: — what modems print for "no address". */
        boolean unspecified() {
            return zero(bytes, 0, bytes.length);
        }

        String text() {
            return v6() ? formatV6(bytes, 0) : formatV4(bytes, 0);
        }
    }

    /**
     * One address: dotted IPv4, dotted-decimal IPv6 (16 numbers) or colon IPv6, each with an optional
     * {@code /len}. Null when it is none of these.
     */
    static Address parse(String s) {
        if (s == null) return null;
        String t = s.strip();
        Integer prefix = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            prefix = AtFields.toInt(t.substring(slash + 1));
            t = t.substring(0, slash);
            if (prefix == null || prefix < 0) return null;
        }
        int[] bytes;
        if (t.indexOf(':') >= 0) {
            bytes = parseColonV6(t);
        } else {
            bytes = dotted(t);
            if (bytes != null && bytes.length != 4 && bytes.length != 16) bytes = null;
        }
        if (bytes == null) return null;
        if (prefix != null && prefix > bytes.length * 8) return null;
        return new Address(bytes, prefix);
    }

    /** The numbers of a dotted-decimal string (any count), each 0..255; null otherwise. */
    static int[] dotted(String s) {
        if (s == null || s.isEmpty() || s.startsWith(".") || s.endsWith(".")) return null;
        String[] parts = s.split("\\.", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) return null;
            for (int k = 0; k < p.length(); k++) if (p.charAt(k) < '0' || p.charAt(k) > '9') return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = v;
        }
        return out;
    }

    static int[] slice(int[] b, int off, int len) {
        int[] out = new int[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    static boolean zero(int[] b, int off, int len) {
        for (int i = off; i < off + len; i++) if (b[i] != 0) return false;
        return true;
    }

    /** The prefix length of a netmask (leading one bits, then only zeros); null when not contiguous. */
    static Integer prefixLength(int[] mask) {
        int bits = 0;
        boolean zeros = false;
        for (int v : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = ((v >> bit) & 1) == 1;
                if (one && zeros) return null;
                if (one) bits++;
                else zeros = true;
            }
        }
        return bits;
    }

    static String formatV4(int[] b, int off) {
        return b[off] + "." + b[off + 1] + "." + b[off + 2] + "." + b[off + 3];
    }

    /** RFC 5952 text: lowercase, no leading zeros, the longest run (2+) of zero groups as {@code ::}. */
    static String formatV6(int[] b, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[off + 2 * i] << 8) | b[off + 2 * i + 1];
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Colon-form IPv6 (with {@code ::} and an optional dotted IPv4 tail) → 16 bytes, or null. */
    static int[] parseColonV6(String s) {
        String t = s.strip();
        int dc = t.indexOf("::");
        if (dc >= 0 && t.indexOf("::", dc + 1) >= 0) return null;
        List<Integer> head = groups(dc >= 0 ? t.substring(0, dc) : t);
        List<Integer> tail = dc >= 0 ? groups(t.substring(dc + 2)) : List.of();
        if (head == null || tail == null) return null;
        int n = head.size() + tail.size();
        if (dc < 0 ? n != 8 : n > 7) return null;
        int[] g = new int[8];
        for (int i = 0; i < head.size(); i++) g[i] = head.get(i);
        for (int i = 0; i < tail.size(); i++) g[8 - tail.size() + i] = tail.get(i);
        int[] out = new int[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = g[i] >> 8;
            out[2 * i + 1] = g[i] & 0xff;
        }
        return out;
    }

    private static List<Integer> groups(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                int[] v4 = dotted(p);
                if (v4 == null || v4.length != 4) return null;
                out.add((v4[0] << 8) | v4[1]);
                out.add((v4[2] << 8) | v4[3]);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !AtFields.isHex(p)) return null;
            out.add(Integer.parseInt(p, 16));
        }
        return out;
    }
}

package io.ltemodem.sim;

import java.net.Inet4Address;
import java.net.Inet6Address;

/** How 27.007 writes addresses and names in responses. */
final class AtFormat {
    private AtFormat() {
    }

    /** {@code ,"<tac>","<ci>",7} of the registration forms with location ({@code n=2}), while camped on a cell. */
    static String location(NetworkConfig n, Registration r) {
        if (!r.registered() && r != Registration.DENIED) return "";
        return "," + q(n.tac()) + "," + q(n.cellId()) + ",7";
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    /** {@code 0.0.0.0}, or 16 dotted zeros for a context that may carry IPv6: an unset address in +CGDCONT. */
    static String zeroAddress(String pdpType) {
        return pdpType.equals("IP") ? "0.0.0.0" : dotted(new byte[16]);
    }

    static String ipv4(Inet4Address a) {
        return a.getHostAddress();
    }

    /** IPv6 as 27.007 prints it: 16 dotted decimals unless {@code +CGPIAF} asks for colon notation. */
    static String ipv6(Inet6Address a, AtSettings s) {
        return s.cgpiaf[0] == 1 ? colon(a.getAddress()) : dotted(a.getAddress());
    }

    /** {@code <local_addr and subnet_mask>} of +CGCONTRDP for IPv4: {@code a1.a2.a3.a4.m1.m2.m3.m4}. */
    static String ipv4WithMask(Inet4Address a, int prefixLength) {
        return ipv4(a) + "." + dotted(mask(4, prefixLength));
    }

    /** The same for IPv6: 32 dotted decimals, or colon notation with {@code /len} or a blank and the mask. */
    static String ipv6WithMask(Inet6Address a, int prefixLength, AtSettings s) {
        if (s.cgpiaf[0] != 1) return dotted(a.getAddress()) + "." + dotted(mask(16, prefixLength));
        if (s.cgpiaf[1] == 1) return colon(a.getAddress()) + "/" + prefixLength;
        return colon(a.getAddress()) + " " + colon(mask(16, prefixLength));
    }

    static String dotted(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            if (i > 0) sb.append('.');
            sb.append(b[i] & 0xff);
        }
        return sb.toString();
    }

    /** Colon notation without :: compression and without leading zeros (the +CGPIAF defaults). */
    static String colon(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 2) {
            if (i > 0) sb.append(':');
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)).toUpperCase());
        }
        return sb.toString();
    }

    static byte[] mask(int bytes, int prefixLength) {
        byte[] m = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int bits = Math.max(0, Math.min(8, prefixLength - 8 * i));
            m[i] = (byte) (bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff);
        }
        return m;
    }
}

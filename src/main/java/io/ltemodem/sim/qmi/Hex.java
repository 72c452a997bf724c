package io.ltemodem.sim.qmi;

/** Lower-case hex without separators, the form of qmi-wire-log.txt. */
public final class Hex {
    private Hex() {
    }

    public static String of(byte[] b) {
        return of(b, 0, b.length);
    }

    public static String of(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = off; i < off + len; i++) sb.append(String.format("%02x", b[i] & 0xFF));
        return sb.toString();
    }

    public static byte[] parse(String hex) {
        String h = hex.replaceAll("\\s+", "");
        if (h.length() % 2 != 0) throw new IllegalArgumentException("odd hex length");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return out;
    }
}

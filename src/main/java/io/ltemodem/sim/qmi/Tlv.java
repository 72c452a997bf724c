package io.ltemodem.sim.qmi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One QMI TLV: a type byte and its value (the u16 length is implied). Values are little-endian like the rest of
 * QMUX; {@link Value} builds them field by field.
 */
public record Tlv(int type, byte[] value) {
    public Tlv {
        if (type < 0 || type > 0xFF) throw new IllegalArgumentException("TLV type out of range: " + type);
        value = value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** Unsigned byte at {@code i}, or -1 past the end (a short TLV is the sender's fault, not a crash). */
    public int u8(int i) {
        return i >= 0 && i < value.length ? value[i] & 0xFF : -1;
    }

    public int u16(int i) {
        return i + 1 < value.length ? (value[i] & 0xFF) | (value[i + 1] & 0xFF) << 8 : -1;
    }

    public long u32(int i) {
        if (i + 3 >= value.length) return -1;
        return (value[i] & 0xFFL) | (value[i + 1] & 0xFFL) << 8 | (value[i + 2] & 0xFFL) << 16 | (value[i + 3] & 0xFFL) << 24;
    }

    /** The whole value as text: how QMI sends a string that is a TLV of its own (no length prefix). */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.type == type && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("0x%02x:%s", type, Hex.of(value));
    }

    public static Value fields() {
        return new Value();
    }

    /** Builds a TLV value from little-endian fields. */
    public static final class Value {
        private byte[] buf = new byte[16];
        private int len;

        private Value put(int b) {
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            buf[len++] = (byte) b;
            return this;
        }

        public Value u8(int v) {
            return put(v);
        }

        public Value u16(int v) {
            return put(v).put(v >> 8);
        }

        public Value u32(long v) {
            return put((int) v).put((int) (v >> 8)).put((int) (v >> 16)).put((int) (v >> 24));
        }

        /** A u16 in network order (libqmi's IPv6 address words). */
        public Value u16be(int v) {
            return put(v >> 8).put(v);
        }

        public Value bytes(byte[] b) {
            for (byte x : b) put(x);
            return this;
        }

        /** A string inside a struct: u8 length prefix, then the bytes. */
        public Value lenString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            put(Math.min(b.length, 255));
            for (int i = 0; i < Math.min(b.length, 255); i++) put(b[i]);
            return this;
        }

        /** A string that is the whole TLV: no prefix. */
        public Value text(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        public byte[] build() {
            return Arrays.copyOf(buf, len);
        }

        public Tlv as(int type) {
            return new Tlv(type, build());
        }
    }
}

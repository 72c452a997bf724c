package io.ltemodem.sim.mbim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads fields of an MBIM information buffer (the counterpart of {@link InfoBufferWriter}). Every read is bounds
 * checked: a field outside the buffer is an IllegalArgumentException, which the simulator answers with
 * INVALID_PARAMETERS instead of dying.
 */
public final class InfoBufferReader {
    private final byte[] b;
    private final ByteBuffer in;

    public InfoBufferReader(byte[] info) {
        this.b = info;
        this.in = ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int size() {
        return b.length;
    }

    public int u32(int offset) {
        check(offset, 4);
        return in.getInt(offset);
    }

    /** A u32 that may be absent (a query sent with an empty buffer): {@code dflt} then. */
    public int u32(int offset, int dflt) {
        return offset + 4 <= b.length ? in.getInt(offset) : dflt;
    }

    public byte[] uuid(int offset) {
        check(offset, 16);
        return Arrays.copyOfRange(b, offset, offset + 16);
    }

    /** The string whose {offset, length} pair is at {@code pairAt}; "" when the length is 0. */
    public String string(int pairAt) {
        int off = u32(pairAt);
        int len = u32(pairAt + 4);
        if (len == 0) return "";
        if (len < 0 || (len & 1) != 0) throw new IllegalArgumentException("bad string length " + len);
        check(off, len);
        return new String(b, off, len, StandardCharsets.UTF_16LE);
    }

    private void check(int offset, int len) {
        if (offset < 0 || len < 0 || offset + len > b.length) {
            throw new IllegalArgumentException("field at " + offset + "+" + len + " outside a " + b.length + "-byte buffer");
        }
    }
}

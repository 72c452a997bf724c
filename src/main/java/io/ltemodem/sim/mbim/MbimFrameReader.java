package io.ltemodem.sim.mbim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts MBIM messages out of a byte stream that may split or glue them (a pty delivers writes in any chunks). MBIM has
 * no start marker, so when the header cannot be right (unknown type, impossible length) one byte is dropped and the
 * next offset tried: a client killed mid-write must not wedge the reader.
 */
public final class MbimFrameReader {
    private byte[] buf = new byte[0];
    private int skipped;

    public void feed(byte[] data, int n) {
        byte[] joined = Arrays.copyOf(buf, buf.length + n);
        System.arraycopy(data, 0, joined, buf.length, n);
        buf = joined;
    }

    /** The next complete message's bytes, or null when more input is needed. */
    public byte[] next() {
        while (true) {
            if (buf.length < MbimMessage.HEADER) return null;
            ByteBuffer in = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            int type = in.getInt(0);
            int length = in.getInt(4);
            if (!MbimMessage.knownType(type) || length < MbimMessage.HEADER || length > MbimMessage.MAX_MESSAGE) {
                skipped++;
                buf = Arrays.copyOfRange(buf, 1, buf.length);
                continue;
            }
            if (buf.length < length) return null;
            byte[] msg = Arrays.copyOf(buf, length);
            buf = Arrays.copyOfRange(buf, length, buf.length);
            return msg;
        }
    }

    /** Bytes thrown away while looking for a message. */
    public int skipped() {
        return skipped;
    }

    public void reset() {
        buf = new byte[0];
    }
}

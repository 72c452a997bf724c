package io.ltemodem.sim.qmi;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reassembles QMUX frames from a byte stream that may split or glue them (a pty delivers what was written in
 * whatever chunks it likes; libqmi does the same accumulation). Bytes before a marker are skipped, as is a
 * frame whose length field cannot be right, so one bad frame cannot wedge the stream.
 */
public final class QmuxFrameReader {
    /** Larger than any QMUX message libqmi builds for the requests we serve. */
    static final int MAX_FRAME = 8192;

    private byte[] buf = new byte[0];
    private int skipped;

    public void feed(byte[] data, int n) {
        byte[] joined = Arrays.copyOf(buf, buf.length + n);
        System.arraycopy(data, 0, joined, buf.length, n);
        buf = joined;
    }

    /** The next complete frame's bytes, or null when more input is needed. */
    public byte[] next() {
        while (true) {
            int start = 0;
            while (start < buf.length && (buf[start] & 0xFF) != QmuxMessage.MARKER) start++;
            if (start > 0) {
                skipped += start;
                buf = Arrays.copyOfRange(buf, start, buf.length);
            }
            if (buf.length < 3) return null;
            int length = (buf[1] & 0xFF) | (buf[2] & 0xFF) << 8;
            if (length < 11 || length > MAX_FRAME) {
                // Not a plausible header: drop the marker byte and look for the next one.
                skipped++;
                buf = Arrays.copyOfRange(buf, 1, buf.length);
                continue;
            }
            if (buf.length < length + 1) return null;
            byte[] frame = Arrays.copyOf(buf, length + 1);
            buf = Arrays.copyOfRange(buf, length + 1, buf.length);
            return frame;
        }
    }

    /** Bytes thrown away while looking for frames (garbage, or the tail of a killed client's write). */
    public int skipped() {
        return skipped;
    }

    /** Forgets a partial frame (the client that wrote it is gone). */
    public void reset() {
        buf = new byte[0];
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}

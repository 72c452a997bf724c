package io.ltemodem.at;

import java.io.Closeable;
import java.io.IOException;

/** A byte pipe to a modem's AT interface. */
public interface AtPort extends Closeable {
    /** The path it was opened by (e.g. {@code /dev/ttyUSB2}). */
    String path();

    /**
     * Reads what is available, waiting a short while when nothing is.
     *
     * @return bytes read; 0 when nothing came; -1 when the port is gone (hang-up, node removed, read error)
     */
    int read(byte[] buf);

    /** Writes all bytes or fails: a failed write means the port is gone. */
    void write(byte[] data) throws IOException;

    @Override
    void close();

    /** Opens a port by path. */
    interface Opener {
        AtPort open(String path) throws IOException;
    }
}

package io.ltemodem.at;

import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;

/**
 * An AT port through jSerialComm, opened exclusively (jSerialComm takes a flock on the node).
 * Reads are semi-blocking with a short timeout so the reader thread can notice a close request.
 * jSerialComm reports a hang-up as -1 from {@code readBytes} while {@code isOpen()} stays true (DESIGN §10):
 * -1 is therefore treated as port loss.
 */
public final class SerialAtPort implements AtPort {
    static final int READ_TIMEOUT_MS = 200;

    private final SerialPort port;
    private final String path;

    private SerialAtPort(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    public static SerialAtPort open(String path) throws IOException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("no such port " + path + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            throw new IOException("cannot open " + path + " (error " + p.getLastErrorCode()
                    + " at " + p.getLastErrorLocation() + "; in use by another program?)");
        }
        return new SerialAtPort(p, path);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public int read(byte[] buf) {
        int n = port.readBytes(buf, buf.length);
        return n < 0 ? -1 : n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        int n = port.writeBytes(data, data.length);
        if (n != data.length) throw new IOException("write to " + path + " failed (" + n + " of " + data.length + " bytes)");
    }

    @Override
    public void close() {
        port.closePort();
    }
}

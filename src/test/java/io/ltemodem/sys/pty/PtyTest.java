package io.ltemodem.sys.pty;

import com.fazecast.jSerialComm.SerialPort;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class PtyTest {
    @Test
    void jSerialCommTalksToPtyMasterBothWays() throws Exception {
        try (Pty pty = Pty.open()) {
            assertTrue(pty.slavePath().startsWith("/dev/pts/"), pty.slavePath());
            SerialPort port = SerialPort.getCommPort(pty.slavePath());
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 1000, 0);
            assertTrue(port.openPort(), "open " + pty.slavePath());
            try {
                byte[] cmd = "AT\r".getBytes(StandardCharsets.US_ASCII);
                assertEquals(cmd.length, port.writeBytes(cmd, cmd.length));
                byte[] buf = new byte[64];
                int n = pty.read(buf, 2000);
                assertEquals("AT\r", new String(buf, 0, n, StandardCharsets.US_ASCII));
                pty.write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] in = new byte[64];
                int got = port.readBytes(in, in.length);
                assertEquals("\r\nOK\r\n", new String(in, 0, got, StandardCharsets.US_ASCII));
            } finally {
                port.closePort();
            }
        }
    }

    @Test
    void readTimesOutWithZeroAndClosedPtyReadsMinusOne() throws Exception {
        Pty pty = Pty.open();
        byte[] buf = new byte[8];
        long t0 = System.nanoTime();
        assertEquals(0, pty.read(buf, 50));
        assertTrue(System.nanoTime() - t0 >= 40_000_000L);
        pty.close();
        assertEquals(-1, pty.read(buf, 50));
    }
}

package io.ltemodem.sim;

import com.fazecast.jSerialComm.SerialPort;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The daemon's side of the simulated AT port in tests: opens the pty with jSerialComm, as the daemon does, writes
 * command lines and hands back the raw bytes (as ISO-8859-1 text) so tests can assert the exact framing.
 * All waits are real time with a deadline.
 */
final class AtTestPort implements AutoCloseable {
    static final long WAIT_MS = 10_000;
    private static final Pattern FINAL = Pattern.compile("\r\n(OK|ERROR|\\+CME ERROR: [^\r\n]*)\r\n");

    private final SerialPort port;
    private final String path;
    private final StringBuilder pending = new StringBuilder();
    private boolean hungUp;

    private AtTestPort(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    static AtTestPort open(String path) {
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        assertTrue(p.openPort(), "open " + path);
        return new AtTestPort(p, path);
    }

    String path() {
        return path;
    }

    void write(String raw) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(port.writeBytes(b, b.length) == b.length, "write to " + path);
    }

    void send(String commandLine) {
        write(commandLine + "\r");
    }

    /** Sends a command line and returns everything up to and including the first final result code. */
    String command(String commandLine) {
        send(commandLine);
        return readUntilFinal();
    }

    String readUntilFinal() {
        return readUntil(text -> {
            Matcher m = FINAL.matcher(text);
            return m.find() ? m.end() : -1;
        }, WAIT_MS, "a final result code");
    }

    /** Everything up to and including {@code needle}. */
    String readUntil(String needle) {
        return readUntil(needle, WAIT_MS);
    }

    String readUntil(String needle, long realMs) {
        return readUntil(text -> {
            int i = text.indexOf(needle);
            return i < 0 ? -1 : i + needle.length();
        }, realMs, show(needle));
    }

    /** Reads until {@code end} finds a cut point in what was read; fails with what arrived after the deadline. */
    String readUntil(Function<String, Integer> end, long realMs, String what) {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (true) {
            int cut = end.apply(pending.toString());
            if (cut >= 0) {
                String out = pending.substring(0, cut);
                pending.delete(0, cut);
                return out;
            }
            if (System.nanoTime() > deadline || hungUp) {
                fail("waited for " + what + " on " + path + (hungUp ? " (hung up)" : "") + "; got: " + show(pending.toString()));
            }
            readSome();
        }
    }

    /** Whatever arrives within {@code realMs} (plus what was already read). */
    String readFor(long realMs) {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (System.nanoTime() < deadline && !hungUp) readSome();
        String out = pending.toString();
        pending.setLength(0);
        return out;
    }

    /** True once the port hangs up (readBytes -1, as for a USB modem that disappears). */
    boolean awaitHangUp(long realMs) {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (!hungUp && System.nanoTime() < deadline) readSome();
        return hungUp;
    }

    private void readSome() {
        byte[] buf = new byte[1024];
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            hungUp = true;
            return;
        }
        if (n > 0) pending.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }

    /** CR and LF made visible, for failure messages. */
    static String show(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public void close() {
        port.closePort();
    }
}

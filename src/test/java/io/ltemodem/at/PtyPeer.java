package io.ltemodem.at;

import io.ltemodem.sys.pty.Pty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted modem on a real pty for channel tests: every command line (up to CR) goes to a handler that
 * returns the exact bytes to answer with. Lets a test place a URC, echo or garbage byte-exactly.
 */
final class PtyPeer implements AutoCloseable {
    final Pty pty;
    final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Function<String, String> handler;
    private volatile int chunk = 0;
    private volatile boolean stop;

    PtyPeer(Function<String, String> handler) throws IOException {
        this.pty = Pty.open();
        this.handler = handler;
        this.thread = new Thread(this::loop, "pty-peer");
        thread.setDaemon(true);
        thread.start();
    }

    String path() {
        return pty.slavePath();
    }

    void handler(Function<String, String> h) {
        handler = h;
    }

    /** Answer in pieces of {@code n} bytes, written separately (0 = whole). */
    void fragment(int n) {
        chunk = n;
    }

    void send(String raw) throws IOException {
        pty.write(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void sendBytes(byte[] raw) throws IOException {
        pty.write(raw);
    }

    private void loop() {
        byte[] buf = new byte[512];
        StringBuilder line = new StringBuilder();
        while (!stop) {
            int n = pty.read(buf, 100);
            if (n < 0) return;
            for (int i = 0; i < n; i++) {
                char c = (char) (buf[i] & 0xff);
                if (c == '\r') {
                    String cmd = line.toString();
                    line.setLength(0);
                    received.add(cmd);
                    String answer = handler.apply(cmd);
                    if (answer != null) write(answer);
                } else if (c != '\n') {
                    line.append(c);
                }
            }
        }
    }

    private void write(String answer) {
        try {
            byte[] b = answer.getBytes(StandardCharsets.ISO_8859_1);
            int n = chunk;
            if (n <= 0) {
                pty.write(b);
                return;
            }
            for (int off = 0; off < b.length; off += n) {
                pty.write(java.util.Arrays.copyOfRange(b, off, Math.min(b.length, off + n)));
                Thread.sleep(2); // let the reader see separate reads
            }
        } catch (IOException | InterruptedException e) {
            // peer gone
        }
    }

    /** Makes the port vanish: the daemon's reader sees a hang-up. */
    void vanish() {
        stop = true;
        pty.close();
    }

    @Override
    public void close() {
        stop = true;
        pty.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.ltemodem.sim;

import io.ltemodem.sys.Clock;
import io.ltemodem.sys.pty.Pty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One life of the AT port: one pseudo-terminal, from the moment the USB device appears until it goes away.
 *
 * <p>A reader thread cuts command lines and hands them to the {@link Handler}; a writer thread writes replies and
 * URCs line by line. URCs wait only for the current line: one that arrives while a slow reply is pending goes out
 * between that reply's information lines and its final result code, as on a real modem. URCs raised by a command
 * itself (e.g. {@code +CPIN: READY} after {@code AT+CPIN=...}) are written after its final result.
 *
 * <p>Only the reader closes the pty, after the writer has finished: closing an fd another thread polls would not
 * wake it, and its number could be reused by the next pty.
 */
final class AtSession {
    private static final Logger log = LoggerFactory.getLogger(AtSession.class);
    /** How long the reader blocks in poll(): bounds how late a stopped session hangs up. */
    private static final int POLL_MILLIS = 50;

    /** What a command line produces: optional echo, framed pieces, and a delay before the first piece. */
    record Reply(byte[] echo, List<byte[]> pieces, long delayMillis) {
    }

    @FunctionalInterface
    interface Handler {
        /** Called on the reader thread for each command line; null = no answer at all. */
        Reply onLine(String line);
    }

    private record Out(byte[] bytes, long notBefore) {
    }

    private final Pty pty;
    private final Clock clock;
    private final PortFaults faults;
    private final Handler handler;
    private final Thread reader;
    private final Thread writer;
    private final ArrayDeque<Out> urcs = new ArrayDeque<>();
    private final ArrayDeque<Out> responses = new ArrayDeque<>();
    private final List<byte[]> deferred = new ArrayList<>(); // reader thread only
    private boolean processing; // reader thread only
    private boolean draining;
    private boolean aborted;
    private volatile boolean writerDone;

    AtSession(Pty pty, Clock clock, PortFaults faults, Handler handler, String threadPrefix) {
        this.pty = pty;
        this.clock = clock;
        this.faults = faults;
        this.handler = handler;
        this.reader = new Thread(this::readLoop, threadPrefix + "-reader");
        this.writer = new Thread(this::writeLoop, threadPrefix + "-writer");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    String path() {
        return pty.slavePath();
    }

    void start() {
        writer.start();
        reader.start();
    }

    /** Lines queued and not yet written (for tests: a writer stuck on a full pty keeps this above zero). */
    synchronized int pendingOutput() {
        return urcs.size() + responses.size();
    }

    /** Queues an unsolicited line (already framed) for the next line boundary. */
    void urc(byte[] framed) {
        if (Thread.currentThread() == reader && processing) {
            deferred.add(framed);
            return;
        }
        synchronized (this) {
            if (draining || aborted) return;
            urcs.add(new Out(framed, 0));
            notifyAll();
        }
    }

    /**
     * Ends this port life. {@code drain}: what is queued still goes out (a reset's {@code OK}, {@code POWERED DOWN}),
     * then hang-up; otherwise hang-up at once (the device fell off the bus). Returns at once; threads end shortly.
     */
    void stop(boolean drain) {
        synchronized (this) {
            if (drain && !aborted) {
                draining = true;
            } else {
                aborted = true;
                urcs.clear();
                responses.clear();
            }
            notifyAll();
        }
        if (!drain) writer.interrupt();
    }

    /** Waits (real time) until both threads have ended and the pty is closed. */
    boolean awaitEnd(long realMillis) throws InterruptedException {
        reader.join(Math.max(1, realMillis));
        return !reader.isAlive();
    }

    boolean ended() {
        return !reader.isAlive() && !writer.isAlive();
    }

    private void readLoop() {
        byte[] buf = new byte[512];
        AtLineAssembler lines = new AtLineAssembler();
        try {
            // a graceful stop waits for the writer to drain; an abort does not wait for a writer stuck in write(2)
            while (!writerDone && !aborted()) {
                int n = pty.read(buf, POLL_MILLIS);
                if (n < 0) break;
                if (n == 0 || stopping()) continue; // a port on its way out takes no more commands
                for (String line : lines.feed(buf, n)) handle(line);
            }
        } catch (RuntimeException e) {
            log.warn("AT session reader failed on {}", pty.slavePath(), e);
        } finally {
            stop(false);
            try {
                writer.join(500);
                if (writer.isAlive()) unstickWriter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pty.close(); // the host's reader sees the hang-up now
        }
    }

    /**
     * A pty buffers only about 20 KB; with nobody reading the port (a URC storm into a closed port) the writer
     * blocks in write(2), and closing the pty does not wake it. Read the slave side ourselves until it lets go,
     * so that every thread ends when the port does.
     */
    private void unstickWriter() throws InterruptedException {
        log.debug("AT session writer on {} is blocked; draining the port", pty.slavePath());
        byte[] sink = new byte[4096];
        long until = System.nanoTime() + 3_000_000_000L; // real time: this is about threads, not modem time
        try (FileInputStream in = new FileInputStream(pty.slavePath())) {
            while (writer.isAlive() && System.nanoTime() < until) {
                int n = in.available();
                if (n > 0) in.read(sink, 0, Math.min(n, sink.length));
                else writer.join(5);
            }
        } catch (IOException e) {
            log.debug("cannot drain {}: {}", pty.slavePath(), e.getMessage());
        }
        if (writer.isAlive()) log.warn("AT session writer on {} did not end", pty.slavePath());
    }

    private synchronized boolean aborted() {
        return aborted;
    }

    private synchronized boolean stopping() {
        return draining || aborted;
    }

    private void handle(String line) {
        Reply reply;
        processing = true;
        try {
            reply = handler.onLine(line);
        } finally {
            processing = false;
        }
        long now = clock.millis();
        synchronized (this) {
            if (!stopping()) {
                if (reply != null) {
                    if (reply.echo() != null) responses.add(new Out(reply.echo(), 0));
                    long first = now + reply.delayMillis();
                    for (byte[] p : reply.pieces()) {
                        responses.add(new Out(p, first));
                    }
                }
                for (byte[] d : deferred) responses.add(new Out(d, 0));
                notifyAll();
            }
        }
        deferred.clear();
    }

    private void writeLoop() {
        try {
            while (true) {
                Out next = nextOut();
                if (next == null) return;
                if (faults.silent()) continue; // hung firmware: nothing comes out
                write(next.bytes());
            }
        } catch (InterruptedException e) {
            // aborted
        } catch (IOException e) {
            log.debug("AT session write ended: {}", e.getMessage());
        } finally {
            writerDone = true;
        }
    }

    /** The next thing to write, URCs first at every line boundary; null when the session is over. */
    private synchronized Out nextOut() throws InterruptedException {
        while (true) {
            if (aborted) return null;
            if (!urcs.isEmpty()) return urcs.poll();
            Out head = responses.peek();
            if (head != null) {
                long wait = head.notBefore() - clock.millis();
                if (wait <= 0) return responses.poll();
                clock.waitOn(this, wait);
                continue;
            }
            if (draining) return null;
            wait();
        }
    }

    private void write(byte[] b) throws IOException, InterruptedException {
        int chunk = faults.fragmentBytes();
        if (chunk <= 0 || chunk >= b.length) {
            pty.write(b);
            return;
        }
        long gap = faults.fragmentGapMillis();
        for (int off = 0; off < b.length; off += chunk) {
            if (off > 0 && gap > 0) clock.sleep(gap);
            synchronized (this) {
                if (aborted) return;
            }
            pty.write(Arrays.copyOfRange(b, off, Math.min(b.length, off + chunk)));
        }
    }
}

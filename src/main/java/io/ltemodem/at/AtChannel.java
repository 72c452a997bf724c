package io.ltemodem.at;

import io.ltemodem.sys.Clock;
import io.ltemodem.sys.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The AT channel to one modem port (DESIGN §5): exclusive open, one reader thread, one command in flight
 * (callers queue in arrival order), a deadline on every command, URCs split out of responses and delivered to
 * listeners on an event thread, echo tolerated, port loss reported, reopen under a new path.
 */
public final class AtChannel implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(AtChannel.class);
    /** ModemManager declares a port dead after 10; a router wants to know sooner. */
    public static final int DEFAULT_MAX_TIMEOUTS = 3;
    private static final int EVENT_QUEUE = 1024;
    /**
     * A command that got nothing back (not even its echo) when the modem announced a finished boot ({@code RDY}) was
     * sent to the firmware before it, and is lost with it. It ends this long after the announcement (time for a
     * firmware that read it from its buffer after all to answer) instead of at its deadline, up to a second later.
     */
    static final long RESTART_GRACE_MS = 100;

    private final String name;
    private final Clock clock;
    private final AtPort.Opener opener;
    private final int maxTimeouts;
    private final long initTimeoutMs;
    private final ReentrantLock inFlight = new ReentrantLock(true);
    private final Object monitor = new Object();
    private final List<AtChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor events;

    // Guarded by monitor.
    private AtPort port;
    private Thread reader;
    private boolean open;
    private boolean shutdown;
    private long generation;
    private String closeReason = "not opened";
    private Pending pending;
    private final LineAssembler assembler = new LineAssembler();
    private int consecutiveTimeouts;
    private long noiseLines;

    private static final class Pending {
        final AtCommand command;
        final List<String> lines = new ArrayList<>();
        AtResult result;
        /** Its echo or an information line arrived. */
        boolean heard;
        /** When the modem announced a finished boot while this waited unheard, or -1. */
        long restartedAt = -1;

        Pending(AtCommand command) {
            this.command = command;
        }
    }

    public AtChannel(String name, Clock clock, AtPort.Opener opener, int maxTimeouts, long initTimeoutMs) {
        this.name = name;
        this.clock = clock;
        this.opener = opener;
        this.maxTimeouts = maxTimeouts;
        this.initTimeoutMs = initTimeoutMs;
        this.events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(EVENT_QUEUE),
                r -> {
                    Thread t = new Thread(r, "at-events-" + name);
                    t.setDaemon(true);
                    return t;
                },
                // A URC storm must not exhaust memory: keep the newest, drop the oldest.
                new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /** A channel on jSerialComm with the default limits. */
    public static AtChannel serial(String name, Clock clock) {
        return new AtChannel(name, clock, SerialAtPort::open, DEFAULT_MAX_TIMEOUTS, 2_000);
    }

    public void addListener(AtChannelListener l) {
        listeners.add(l);
    }

    public void removeListener(AtChannelListener l) {
        listeners.remove(l);
    }

    /**
     * Opens {@code path} (closing any previous port) and turns echo off. Echo is back after every modem
     * reboot, so this runs on every (re)open.
     *
     * @return the result of {@code ATE0}; a timeout here means the port opened but the modem is not answering yet
     */
    public AtResult open(String path) throws IOException {
        AtPort p = opener.open(path);
        AtPort old;
        Thread oldReader;
        long gen;
        synchronized (monitor) {
            if (shutdown) {
                p.close();
                throw new IOException("channel " + name + " is shut down");
            }
            old = port;
            oldReader = reader;
            port = p;
            open = true;
            gen = ++generation;
            closeReason = null;
            assembler.clear();
            consecutiveTimeouts = 0;
            monitor.notifyAll();
            reader = new Thread(() -> readLoop(p, gen), "at-reader-" + name);
            reader.setDaemon(true);
        }
        if (old != null) old.close();
        join(oldReader);
        reader.start();
        log.debug("{}: opened {}", name, path);
        return send(AtCommand.of("ATE0", initTimeoutMs));
    }

    /** Closes the current port (if any) and opens {@code path}: after a re-enumeration the node may have a new name. */
    public AtResult reopen(String path) throws IOException {
        return open(path);
    }

    public boolean isOpen() {
        synchronized (monitor) {
            return open;
        }
    }

    /** The path of the current (or last) port, or null. */
    public String path() {
        synchronized (monitor) {
            return port != null ? port.path() : null;
        }
    }

    public String name() {
        return name;
    }

    /** Lines dropped as noise since the channel was made (garbage, stray result codes). */
    public long noiseLines() {
        synchronized (monitor) {
            return noiseLines;
        }
    }

    public AtResult send(String text) {
        return send(AtCommand.of(text));
    }

    /**
     * Sends one command and waits for its final result code, at most its deadline. Callers queue; a caller
     * that cannot get the port within a bounded time gets a timeout result instead of blocking forever.
     */
    public AtResult send(AtCommand cmd) {
        long queueWaitMs = Math.max(1_000, clock.toRealMillis(cmd.timeoutMs()) * 4);
        try {
            if (!inFlight.tryLock(queueWaitMs, TimeUnit.MILLISECONDS)) {
                return AtResult.timeout(List.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AtResult.closed("interrupted");
        }
        try {
            return exchange(cmd);
        } finally {
            inFlight.unlock();
        }
    }

    private AtResult exchange(AtCommand cmd) {
        Pending p = new Pending(cmd);
        AtPort target;
        long gen;
        synchronized (monitor) {
            if (!open) return AtResult.closed(closeReason);
            assembler.dropNoise();
            pending = p;
            target = port;
            gen = generation;
        }
        log.debug("{} -> {}", name, cmd.loggable());
        try {
            target.write((cmd.text() + "\r").getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            synchronized (monitor) {
                pending = null;
            }
            lost(gen, e.getMessage());
            return AtResult.closed(e.getMessage());
        }
        Deadline deadline = Deadline.in(clock, cmd.timeoutMs());
        int timeouts;
        AtResult result;
        synchronized (monitor) {
            try {
                while (p.result == null && open && generation == gen && !deadline.expired() && !lostToRestart(p)) {
                    long wait = deadline.remaining();
                    if (p.restartedAt >= 0 && !p.heard) wait = Math.min(wait, p.restartedAt + RESTART_GRACE_MS - clock.millis());
                    clock.waitOn(monitor, Math.max(1, wait));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (pending == p) pending = null;
            if (p.result != null) {
                consecutiveTimeouts = 0;
                log.debug("{} <- {}", name, p.result);
                return p.result;
            }
            if (!open || generation != gen) return AtResult.closed(closeReason != null ? closeReason : "reopened");
            if (lostToRestart(p)) {
                // Not a silent modem: it has just come up. The caller asks again.
                consecutiveTimeouts = 0;
                log.debug("{}: {} was lost to the modem's restart", name, cmd.loggable());
                return new AtResult(AtResult.Kind.TIMEOUT, p.lines, null, "sent before the modem restarted");
            }
            timeouts = ++consecutiveTimeouts;
            result = AtResult.timeout(p.lines);
        }
        log.debug("{}: {} timed out ({} in a row)", name, cmd.loggable(), timeouts);
        if (timeouts >= maxTimeouts) emit(l -> l.onUnresponsive(timeouts));
        return result;
    }

    private void readLoop(AtPort p, long gen) {
        byte[] buf = new byte[1024];
        while (true) {
            int n = p.read(buf);
            synchronized (monitor) {
                if (generation != gen || !open) return;
                if (n > 0) {
                    for (String line : assembler.feed(buf, 0, n)) handleLine(line);
                }
            }
            if (n < 0) {
                lost(gen, "hang-up on " + p.path());
                return;
            }
        }
    }

    /** Called with the monitor held. */
    private boolean lostToRestart(Pending p) {
        return p.restartedAt >= 0 && !p.heard && clock.millis() - p.restartedAt >= RESTART_GRACE_MS;
    }

    /** Called with the monitor held. */
    private void handleLine(String line) {
        AtCommand cmd = pending != null ? pending.command : null;
        switch (LineClassifier.classify(line, cmd)) {
            case ECHO -> pending.heard = true;
            case INFO -> {
                pending.heard = true;
                pending.lines.add(line);
            }
            case FINAL -> {
                pending.result = FinalCode.withLines(FinalCode.parse(line), pending.lines);
                monitor.notifyAll();
            }
            case URC -> {
                log.debug("{} URC {}", name, line);
                if (pending != null && !pending.heard && pending.restartedAt < 0 && line.equalsIgnoreCase("RDY")) {
                    pending.restartedAt = clock.millis();
                    monitor.notifyAll();
                }
                emit(l -> l.onUrc(line));
            }
            case NOISE -> noiseLines++;
        }
    }

    private void lost(long gen, String reason) {
        AtPort p;
        synchronized (monitor) {
            if (generation != gen || !open) return;
            open = false;
            closeReason = reason;
            p = port;
            monitor.notifyAll();
        }
        p.close();
        log.info("{}: port lost: {}", name, reason);
        emit(l -> l.onClosed(reason));
    }

    private void emit(java.util.function.Consumer<AtChannelListener> event) {
        if (events.isShutdown()) return;
        try {
            events.execute(() -> {
                for (AtChannelListener l : listeners) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException e) {
                        log.warn("{}: listener failed: {}", name, e.toString());
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // shut down meanwhile
        }
    }

    /**
     * Lets go of the port (the device vanished, or a reset is under way) without shutting the channel down:
     * {@link #open} works again later. No closed event is raised: the caller knows.
     */
    public void release() {
        AtPort p;
        Thread r;
        synchronized (monitor) {
            if (!open && port == null) return;
            open = false;
            generation++;
            closeReason = "released";
            p = port;
            r = reader;
            monitor.notifyAll();
        }
        if (p != null) p.close();
        join(r);
    }

    /** Closes the port for good; threads end. A closed channel cannot be reopened. */
    @Override
    public void close() {
        AtPort p;
        Thread r;
        synchronized (monitor) {
            shutdown = true;
            open = false;
            generation++;
            closeReason = "closed";
            p = port;
            r = reader;
            monitor.notifyAll();
        }
        if (p != null) p.close();
        join(r);
        events.shutdown();
    }

    private static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

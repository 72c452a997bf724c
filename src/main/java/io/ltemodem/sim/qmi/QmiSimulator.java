package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.pty.Pty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A QMI modem on a pseudo-terminal: it reads QMUX frames from the pty master and answers them the way the
 * reference wire log shows (qmi-wire-log.txt), so the real {@code qmicli --device-open-qmi} and {@code uqmi}
 * talk to it as to {@code /dev/cdc-wdm0}. State lives in a {@link QmiModemModel}; client ids come from a pool
 * per service that can run out; {@link #faults()} makes it silent, lossy or slow.
 *
 * <pre>
 *   try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(clock)).clock(clock).cidPoolSize(8).start()) {
 *       run("qmicli", "-d", sim.devicePath(), "--device-open-qmi", "--dms-get-ids");
 *   }
 * </pre>
 */
public final class QmiSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QmiSimulator.class);
    /** Wire log lines kept for a failing test to print (oldest dropped first). */
    private static final int WIRE_LOG_LIMIT = 2000;

    private final QmiModemModel model;
    private final Clock clock;
    private final Pty pty;
    private final QmiFaults faults;
    private final Map<Integer, CidPool> pools;
    private final Map<Integer, ServiceHandler> handlers = new HashMap<>();
    private final WdsService wds;
    private final List<String> wireLog = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    public static Builder builder(QmiModemModel model) {
        return new Builder(model);
    }

    public static final class Builder {
        private final QmiModemModel model;
        private Clock clock = Clock.SYSTEM;
        private final Map<Integer, Integer> poolSizes = new HashMap<>();
        private int defaultPoolSize = 16;
        private QmiFaults faults;
        private String avoidPath;

        private Builder(QmiModemModel model) {
            this.model = model;
        }

        /** The clock answer delays run on (share the daemon's ScaledClock in scaled tests). */
        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Client ids per service (1..254); a real modem may offer as few as 10. */
        public Builder cidPoolSize(int n) {
            defaultPoolSize = n;
            return this;
        }

        public Builder cidPoolSize(int service, int n) {
            poolSizes.put(service, n);
            return this;
        }

        /**
         * Faults to share with other simulators of the same modem (one per USB appearance): a fault set before
         * a re-enumeration still holds after it. Default: a fresh set.
         */
        public Builder faults(QmiFaults f) {
            faults = f;
            return this;
        }

        /**
         * A pty path not to serve on (the previous appearance's): a re-enumerated device must look new even if
         * the kernel would hand out the same pts number again.
         */
        public Builder avoidPath(String path) {
            avoidPath = path;
            return this;
        }

        /** Opens the pty and starts answering. */
        public QmiSimulator start() throws IOException {
            Map<Integer, CidPool> pools = new HashMap<>();
            for (int s : new int[]{QmiServices.WDS, QmiServices.DMS, QmiServices.NAS, QmiServices.UIM, QmiServices.WDA}) {
                pools.put(s, new CidPool(poolSizes.getOrDefault(s, defaultPoolSize)));
            }
            return new QmiSimulator(this, pools);
        }
    }

    private QmiSimulator(Builder b, Map<Integer, CidPool> pools) throws IOException {
        this.model = b.model;
        this.clock = b.clock;
        this.faults = b.faults != null ? b.faults : new QmiFaults();
        this.pools = Collections.unmodifiableMap(pools);
        this.wds = new WdsService(model);
        handlers.put(QmiServices.CTL, new CtlService(pools, this::clientReleased));
        handlers.put(QmiServices.WDS, wds);
        handlers.put(QmiServices.DMS, new DmsService(model, this::rebootRequested));
        handlers.put(QmiServices.NAS, new NasService(model));
        handlers.put(QmiServices.UIM, new UimService(model));
        handlers.put(QmiServices.WDA, new WdaService(model));
        this.pty = Pty.openOtherThan(b.avoidPath);
        this.thread = new Thread(this::serve, "qmi-sim " + pty.slavePath());
        thread.setDaemon(true);
        thread.start();
    }

    /** The node to give qmicli/uqmi, e.g. {@code /dev/pts/7}. */
    public String devicePath() {
        return pty.slavePath();
    }

    public QmiModemModel model() {
        return model;
    }

    public QmiFaults faults() {
        return faults;
    }

    /** Client ids taken now for {@code service}. */
    public int cidsInUse(int service) {
        CidPool p = pools.get(service);
        return p == null ? 0 : p.inUse();
    }

    public CidPool pool(int service) {
        return pools.get(service);
    }

    /** Data sessions up that some WDS client owns. */
    public int ownedSessions() {
        return wds.activeSessions();
    }

    /** How many requests with this service and message id arrived (answered or not). */
    public int requests(int service, int msgId) {
        AtomicInteger n = requestCounts.get(service << 16 | msgId);
        return n == null ? 0 : n.get();
    }

    /** "RX raw ..." / "TX raw ..." lines, the format of qmi-wire-log.txt. */
    public List<String> wireLog() {
        synchronized (wireLog) {
            return List.copyOf(wireLog);
        }
    }

    /**
     * The serving loop; it closes the pty itself when it ends. Closed from another thread, the master's fd number
     * could be handed to the next pty while this thread still polls it, and this thread would read that pty's bytes.
     */
    private void serve() {
        try {
            serveUntilClosed();
        } finally {
            pty.close();
        }
    }

    private void serveUntilClosed() {
        QmuxFrameReader reader = new QmuxFrameReader();
        byte[] buf = new byte[4096];
        while (!closed) {
            int n = pty.read(buf, 200);
            if (n < 0) {
                if (closed || pty.isClosed()) return;
                sleepQuietly(20); // a transient hang-up while no client has the pty open
                continue;
            }
            if (n == 0) continue;
            reader.feed(buf, n);
            byte[] frame;
            while ((frame = reader.next()) != null) {
                try {
                    answer(frame);
                } catch (RuntimeException e) {
                    log.warn("QMI simulator: request {} failed: {}", Hex.of(frame), e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void answer(byte[] frame) throws InterruptedException {
        byte[] out = respond(frame);
        if (out == null) return;
        write(out);
        if (pendingReset) {
            pendingReset = false;
            reboot();
        }
    }

    /**
     * The bytes answering one request frame, or null when it gets no answer (malformed, or a fault swallowed
     * it). Delays from {@link QmiFaults#delayMs} are slept here, on the simulator's clock.
     */
    byte[] respond(byte[] frame) throws InterruptedException {
        record("RX raw " + Hex.of(frame));
        QmuxMessage req;
        try {
            req = QmuxMessage.decode(frame);
        } catch (IllegalArgumentException e) {
            record("   malformed: " + e.getMessage());
            return null;
        }
        requestCounts.computeIfAbsent(req.service() << 16 | req.msgId(), k -> new AtomicInteger()).incrementAndGet();
        if (faults.swallow(req.service(), req.msgId())) {
            record("   (no answer: fault)");
            return null;
        }
        if (!model.answering()) {
            record("   (no answer: firmware not running)");
            return null;
        }
        long delay = faults.delayMs();
        if (delay > 0) clock.sleep(delay);
        if (closed) return null;
        QmiProtocolError injected = faults.failure(req.service(), req.msgId());
        Reply reply = injected != null ? Reply.error(injected) : dispatch(req);
        byte[] out = req.response(reply.body()).encode();
        record("TX raw " + Hex.of(out));
        return out;
    }

    private Reply dispatch(QmuxMessage req) {
        ServiceHandler h = handlers.get(req.service());
        if (h == null) return Reply.error(QmiProtocolError.INVALID_SERVICE_TYPE);
        if (!req.isCtl()) {
            CidPool pool = pools.get(req.service());
            if (pool == null || !pool.allocated(req.clientId())) return Reply.error(QmiProtocolError.INVALID_CLIENT_ID);
        }
        return h.handle(req);
    }

    private void write(byte[] out) {
        int chunk = faults.fragmentBytes();
        try {
            if (chunk <= 0) {
                pty.write(out);
                return;
            }
            for (int i = 0; i < out.length; i += chunk) {
                pty.write(Arrays.copyOfRange(out, i, Math.min(out.length, i + chunk)));
                clock.sleep(5);
            }
        } catch (IOException e) {
            if (!closed) log.debug("QMI simulator: write failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void clientReleased(int service, int cid) {
        if (service == QmiServices.WDS) wds.released(cid);
    }

    private volatile boolean pendingReset;

    /** DMS reset: answer first (the modem acknowledges before it goes), then reboot. */
    private void rebootRequested() {
        pendingReset = true;
    }

    /** A reboot forgets every client: the pools empty, sessions end with them. */
    private void reboot() {
        for (Map.Entry<Integer, CidPool> e : pools.entrySet()) {
            for (int cid = 1; cid <= e.getValue().size(); cid++) {
                if (e.getValue().release(cid)) clientReleased(e.getKey(), cid);
            }
        }
        model.reset();
        record("   (modem reset)");
    }

    private void record(String line) {
        log.trace("{}: {}", pty.slavePath(), line);
        synchronized (wireLog) {
            if (wireLog.size() >= WIRE_LOG_LIMIT) wireLog.remove(0);
            wireLog.add(line);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the serving thread has ended (after a hang-up or close). */
    public boolean ended() {
        return !thread.isAlive();
    }

    /**
     * Hangs up (the device is gone): the serving thread stops answering and closes the pty within one poll
     * interval. Does not wait, so it may be called under the modem's lock; {@link #close()} waits.
     */
    public void hangUp() {
        closed = true;
    }

    @Override
    public void close() {
        hangUp();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pty.close(); // already closed by the thread, unless it is stuck past the join
    }
}

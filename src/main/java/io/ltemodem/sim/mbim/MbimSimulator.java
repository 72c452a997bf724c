package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.sim.qmi.Hex;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.pty.Pty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An MBIM function on a pseudo-terminal: it reads MBIM messages from the pty master and answers OPEN, CLOSE and
 * BASIC_CONNECT COMMANDs the way the reference transcript shows (mbimcli-transcript.txt), so the real
 * {@code mbimcli} (1.28: no flag needed on a pty) talks to it as to {@code /dev/cdc-wdm0}. State lives in a
 * {@link MbimModemModel}; {@link #faults()} makes it silent, lossy or slow. With {@link Builder#indications(boolean)}
 * it also sends INDICATE_STATUS when the model changes while a session is open.
 *
 * <p>A COMMAND outside an open session gets FUNCTION_ERROR NotOpened, as a real function does after it reset: the
 * {@code --no-open=<trid>} chaining of a client then has to open again.
 *
 * <pre>
 *   try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(clock)).clock(clock).start()) {
 *       run("mbimcli", "-d", sim.devicePath(), "--query-radio-state");
 *   }
 * </pre>
 */
public final class MbimSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MbimSimulator.class);
    private static final int WIRE_LOG_LIMIT = 2000;
    /** How long the reader waits in poll(): bounds the latency of indications and of close(). */
    private static final int POLL_MS = 50;

    private final MbimModemModel model;
    private final Clock clock;
    private final boolean indications;
    private final int indicationSession;
    private final Pty pty;
    private final BasicConnectService service;
    private final MbimFaults faults = new MbimFaults();
    private final List<String> wireLog = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<MbimModemModel.Change> pendingChanges = new ConcurrentLinkedQueue<>();
    private final MbimModemModel.Listener listener = pendingChanges::add;
    private final Thread thread;
    private volatile boolean open;
    private volatile boolean closed;

    public static Builder builder(MbimModemModel model) {
        return new Builder(model);
    }

    public static final class Builder {
        private final MbimModemModel model;
        private Clock clock = Clock.SYSTEM;
        private boolean indications;
        private int indicationSession;

        private Builder(MbimModemModel model) {
            this.model = model;
        }

        /** The clock answer delays run on (share the daemon's ScaledClock in scaled tests). */
        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Send INDICATE_STATUS on model changes while open; CONNECT indications are about {@code session}. */
        public Builder indications(boolean on, int session) {
            indications = on;
            indicationSession = session;
            return this;
        }

        public Builder indications(boolean on) {
            return indications(on, 0);
        }

        public MbimSimulator start() throws IOException {
            return new MbimSimulator(this);
        }
    }

    private MbimSimulator(Builder b) throws IOException {
        this.model = b.model;
        this.clock = b.clock;
        this.indications = b.indications;
        this.indicationSession = b.indicationSession;
        this.service = new BasicConnectService(model);
        this.pty = Pty.open();
        if (indications) model.addListener(listener);
        this.thread = new Thread(this::serve, "mbim-sim " + pty.slavePath());
        thread.setDaemon(true);
        thread.start();
    }

    /** The node to give mbimcli, e.g. {@code /dev/pts/7}. */
    public String devicePath() {
        return pty.slavePath();
    }

    public MbimModemModel model() {
        return model;
    }

    public MbimFaults faults() {
        return faults;
    }

    /** True between an OPEN and a CLOSE. */
    public boolean isOpen() {
        return open;
    }

    /** Forgets the open session, as a function does when it resets: the next COMMAND gets NotOpened. */
    public void dropSession() {
        open = false;
    }

    /** OPEN messages received. */
    public int opens() {
        return count("OPEN");
    }

    /** CLOSE messages received. */
    public int closes() {
        return count("CLOSE");
    }

    /** BASIC_CONNECT commands received with this CID, {@code set} or query. */
    public int commands(int cid, boolean set) {
        return count(BasicConnect.cidName(cid) + (set ? " set" : " query"));
    }

    private int count(String key) {
        AtomicInteger n = counts.get(key);
        return n == null ? 0 : n.get();
    }

    private void counted(String key) {
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** "RX ..." / "TX ..." lines: message summaries and raw hex, for a failing test to print. */
    public List<String> wireLog() {
        synchronized (wireLog) {
            return List.copyOf(wireLog);
        }
    }

    // ---------------------------------------------------------------- serving

    private void serve() {
        MbimFrameReader reader = new MbimFrameReader();
        byte[] buf = new byte[4096];
        while (!closed) {
            int n = pty.read(buf, POLL_MS);
            if (n < 0) {
                if (closed || pty.isClosed()) return;
                sleepQuietly(20); // a hang-up while no client has the pty open
                continue;
            }
            if (n > 0) {
                reader.feed(buf, n);
                byte[] msg;
                while ((msg = reader.next()) != null) {
                    try {
                        byte[] out = respond(msg);
                        if (out != null) write(out);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        log.warn("MBIM simulator: message {} failed: {}", Hex.of(msg), e.toString());
                    }
                }
            }
            sendIndications();
        }
    }

    /** The bytes answering one message, or null when it gets no answer (malformed, a fault, a stray answer). */
    byte[] respond(byte[] raw) throws InterruptedException {
        MbimMessage m;
        try {
            m = MbimMessage.decode(raw);
        } catch (IllegalArgumentException e) {
            record("RX malformed (" + e.getMessage() + ") " + Hex.of(raw));
            return null;
        }
        record("RX " + m + " " + Hex.of(raw));
        boolean basic = m.type() == MbimMessage.COMMAND && m.isService(BasicConnect.UUID);
        counted(m.type() == MbimMessage.COMMAND
                ? (basic ? BasicConnect.cidName(m.cid()) : "other service") + (m.commandType() == MbimMessage.SET ? " set" : " query")
                : MbimMessage.typeName(m.type()));
        if (faults.swallow(basic ? m.cid() : -1)) {
            record("   (no answer: fault)");
            return null;
        }
        long delay = faults.delayMs();
        if (delay > 0) clock.sleep(delay);
        if (closed) return null;
        byte[] out = switch (m.type()) {
            case MbimMessage.OPEN -> {
                open = true;
                yield MbimMessage.openDone(m.transactionId(), 0);
            }
            case MbimMessage.CLOSE -> {
                open = false;
                yield MbimMessage.closeDone(m.transactionId(), 0);
            }
            case MbimMessage.COMMAND -> command(m, basic);
            default -> null; // HOST_ERROR, or something only a function sends: nothing to answer
        };
        if (out != null) record("TX " + MbimMessage.decode(out) + " " + Hex.of(out));
        return out;
    }

    private byte[] command(MbimMessage m, boolean basic) {
        if (!open) return MbimMessage.functionError(m.transactionId(), MbimMessage.ERROR_NOT_OPENED);
        if (!basic) return MbimMessage.commandDone(m.transactionId(), m.serviceId(), m.cid(), MbimStatus.NO_DEVICE_SUPPORT.code(), new byte[0]);
        BasicConnectService.Reply r = service.handle(m.cid(), m.commandType(), m.info());
        return MbimMessage.commandDone(m.transactionId(), BasicConnect.UUID, m.cid(), r.status().code(), r.info());
    }

    private void sendIndications() {
        MbimModemModel.Change c;
        while ((c = pendingChanges.poll()) != null) {
            if (!open || faults.swallow(-1)) continue;
            BasicConnectService.Indication ind = service.indication(c, indicationSession);
            byte[] out = MbimMessage.indicateStatus(BasicConnect.UUID, ind.cid(), ind.info());
            record("TX " + MbimMessage.decode(out) + " " + Hex.of(out));
            write(out);
        }
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
            if (!closed) log.debug("MBIM simulator: write failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        model.removeListener(listener);
        pty.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.ltemodem.sim;

import io.ltemodem.sim.ModemEvent.Booted;
import io.ltemodem.sim.ModemEvent.Detached;
import io.ltemodem.sim.ModemEvent.PdpActivated;
import io.ltemodem.sim.ModemEvent.PdpDeactivated;
import io.ltemodem.sim.ModemEvent.PoweredDown;
import io.ltemodem.sim.ModemEvent.RegistrationChanged;
import io.ltemodem.sim.ModemEvent.SimChanged;
import io.ltemodem.sim.ModemEvent.UsbAttached;
import io.ltemodem.sim.ModemEvent.UsbDetached;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.pty.Pty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The simulated modem's AT port, served on a pseudo-terminal that the daemon opens like {@code /dev/ttyUSB2}.
 *
 * <p>The pty lives as long as the USB device: when the modem resets or powers down the pty is closed (the daemon's
 * reader sees a hang-up, as with a USB modem that disappears) and a new one, with a new path, appears when the
 * device enumerates again. Optionally a stable symlink (like {@code /dev/ttyUSB2}) follows it, removed while the
 * device is gone. Times given to the {@code await} methods are in the simulator's clock.
 */
public final class AtSimPort implements ModemListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AtSimPort.class);
    private static final int COMMAND_LOG_LIMIT = 2000;

    private final ModemModel model;
    private final Persona persona;
    private final Clock clock;
    private final String name;
    private final PortNode node;
    private final PortFaults faults;
    private final AtInterpreter interpreter;
    private final Random noise;
    private final ArrayDeque<String> commandLog = new ArrayDeque<>();
    private final List<AtSession> sessions = new ArrayList<>(); // guarded by this: every life, until its threads end

    private volatile AtSettings settings; // replaced on every boot; read and changed under the model's monitor
    private AtSession session; // guarded by the model's monitor (events) and this
    private String lastPath;
    private int generation;
    private boolean closed;

    AtSimPort(ModemModel model, SimConfig cfg) {
        this(model, cfg, cfg.portLink(), cfg.name());
    }

    /** Another AT interface of the same modem (its "modem" port, where PPP dials), on its own pty and link. */
    AtSimPort(ModemModel model, SimConfig cfg, Path link, String name) {
        this.model = model;
        this.persona = cfg.persona();
        this.clock = cfg.clock();
        this.name = name;
        this.node = new PortNode(cfg.clock(), link, name);
        this.faults = new PortFaults(clock);
        this.interpreter = new AtInterpreter(model);
        this.noise = new Random(cfg.seed() ^ 0x5eed);
        this.settings = new AtSettings(persona);
    }

    PortFaults faults() {
        return faults;
    }

    // ---------------------------------------------------------------- paths

    /** The pty slave the daemon opens now (e.g. {@code /dev/pts/7}), or null while the device is gone. */
    public String currentPath() {
        return node.current();
    }

    /** The stable symlink the test asked for (null if none); it exists only while the port does. */
    public Path linkPath() {
        return node.link();
    }

    /** How many ptys this port has had (one per USB appearance). */
    public synchronized int generation() {
        return generation;
    }

    /** Waits until the port exists; returns its path, or null after {@code clockMillis}. */
    public String awaitPath(long clockMillis) throws InterruptedException {
        return node.awaitOtherThan(null, clockMillis);
    }

    /** Waits for a port whose path differs from {@code previous} (the device re-enumerated); null on timeout. */
    public String awaitNewPath(String previous, long clockMillis) throws InterruptedException {
        return node.awaitOtherThan(previous, clockMillis);
    }

    /** Waits until the port is gone (reset, power-down, vanish); false on timeout. */
    public boolean awaitGone(long clockMillis) throws InterruptedException {
        return node.awaitGone(clockMillis);
    }

    /** The command lines received, oldest first, with PINs and PUKs masked. */
    public List<String> commandLog() {
        synchronized (commandLog) {
            return List.copyOf(commandLog);
        }
    }

    // ---------------------------------------------------------------- model events (under the model's monitor)

    @Override
    public void onEvent(ModemEvent e) {
        if (e instanceof UsbAttached a) {
            if (a.booting()) {
                settings = new AtSettings(persona);
                faults.firmwareRestarted(); // a reboot is what cures hung firmware
            }
            openSession();
        } else if (e instanceof UsbDetached d) {
            closeSession(d.graceful());
        } else if (e instanceof Booted b) {
            for (String l : persona.bootUrcs()) {
                if (l.contains("{cpin}")) {
                    if (b.sim() == SimCardState.BUSY) continue; // announced when the SIM is ready
                    l = l.replace("{cpin}", cpinCode(b.sim()));
                }
                urc(persona.expand(l));
            }
            if (b.sim() == SimCardState.READY) persona.simReadyUrcs().forEach(this::urc);
        } else if (e instanceof PoweredDown) {
            if (persona.powerDownUrc() != null) urc(persona.powerDownUrc());
        } else if (e instanceof SimChanged sc) {
            if (sc.sim() == SimCardState.BUSY) return;
            if (persona.cpinUrcs()) urc("+CPIN: " + cpinCode(sc.sim()));
            if (sc.sim() == SimCardState.READY) persona.simReadyUrcs().forEach(this::urc);
        } else if (e instanceof RegistrationChanged rc) {
            int n = settings.regUrcMode.get(rc.domain());
            if (n == 1) urc(rc.domain().atCommand() + ": " + rc.registration().stat());
            if (n == 2) {
                urc(rc.domain().atCommand() + ": " + rc.registration().stat()
                        + AtFormat.location(model.network(), rc.registration()));
            }
        } else if (e instanceof PdpActivated pa) {
            if (settings.cgerepMode > 0) urc("+CGEV: " + (pa.byNetwork() ? "NW" : "ME") + " PDN ACT " + pa.cid());
        } else if (e instanceof PdpDeactivated pd) {
            if (settings.cgerepMode > 0) urc(deactivationUrc(pd));
        } else if (e instanceof Detached dt) {
            if (settings.cgerepMode > 0) urc("+CGEV: " + (dt.byNetwork() ? "NW" : "ME") + " DETACH");
        }
    }

    private String deactivationUrc(PdpDeactivated pd) {
        if (!pd.byNetwork()) return "+CGEV: ME PDN DEACT " + pd.cid();
        if (persona.cgevDeactForm().equals("legacy")) {
            return "+CGEV: NW DEACT \"" + pd.pdpType() + "\",\"" + Objects.requireNonNullElse(pd.ipv4(), "") + "\","
                    + pd.cid();
        }
        return "+CGEV: NW PDN DEACT " + pd.cid();
    }

    private static String cpinCode(SimCardState s) {
        return switch (s) {
            case READY -> "READY";
            case PIN -> "SIM PIN";
            case PUK -> "SIM PUK";
            default -> "NOT READY";
        };
    }

    private synchronized void openSession() {
        if (closed || session != null) return;
        Pty pty;
        try {
            pty = Pty.openOtherThan(lastPath);
        } catch (IOException e) {
            log.error("{}: cannot open a pty for the AT port: {}", name, e.getMessage());
            return;
        }
        generation++;
        sessions.removeIf(AtSession::ended);
        AtSession s = new AtSession(pty, clock, faults, this::onLine, "sim-" + name + "-at" + generation);
        session = s;
        sessions.add(s);
        lastPath = pty.slavePath();
        s.start();
        node.appear(pty.slavePath());
        log.debug("{}: AT port up at {}", name, pty.slavePath());
    }

    private synchronized void closeSession(boolean graceful) {
        AtSession s = session;
        if (s == null) return;
        session = null;
        node.vanish();
        s.stop(graceful);
        log.debug("{}: AT port at {} going ({})", name, s.path(), graceful ? "graceful" : "abrupt");
    }

    // ---------------------------------------------------------------- output

    /** Frames a line as the current settings say: {@code \r\n<line>\r\n} (ATV1) or {@code <line>\r\n} (ATV0). */
    private byte[] frame(String line) {
        return AtLineAssembler.bytes(settings.verbose ? "\r\n" + line + "\r\n" : line + "\r\n");
    }

    private byte[] frameFinal(AtError error) {
        AtSettings s = settings;
        String text;
        if (error == null) {
            text = s.verbose ? "OK" : "0";
        } else if (error.cme < 0 || s.cmee == 0) {
            text = s.verbose ? "ERROR" : "4";
        } else {
            text = "+CME ERROR: " + (s.cmee == 1 ? String.valueOf(error.cme) : AtError.cmeText(error.cme));
        }
        return AtLineAssembler.bytes(s.verbose ? "\r\n" + text + "\r\n" : text + (text.length() == 1 ? "\r" : "\r\n"));
    }

    /** Lines queued on the current pty and not yet written; 0 when there is no port. */
    synchronized int pendingOutput() {
        return session == null ? 0 : session.pendingOutput();
    }

    /** Sends an unsolicited line now (at the next line boundary), if the port exists and is not silenced. */
    void urc(String line) {
        AtSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null) s.urc(frame(line));
    }

    /** Writes {@code count} random bytes (no CR/LF) at the next line boundary: line noise. */
    void garbage(int count) {
        byte[] b = new byte[Math.max(0, count)];
        synchronized (noise) {
            for (int i = 0; i < b.length; i++) {
                int v;
                do {
                    v = noise.nextInt(256);
                } while (v == '\r' || v == '\n');
                b[i] = (byte) v;
            }
        }
        AtSession s;
        synchronized (this) {
            s = session;
        }
        if (s != null && b.length > 0) s.urc(b);
    }

    /** Fault: echo is back on, as after a reboot the daemon did not notice. */
    void echoOn() {
        synchronized (model) {
            settings.echo = true;
        }
    }

    // ---------------------------------------------------------------- input (reader thread)

    private AtSession.Reply onLine(String line) {
        String masked = SecretMask.mask(line);
        synchronized (commandLog) {
            if (commandLog.size() == COMMAND_LOG_LIMIT) commandLog.removeFirst();
            commandLog.addLast(masked);
        }
        log.debug("{} <- {}", name, masked);
        if (faults.silent()) return null;
        synchronized (model) {
            if (model.power() != PowerState.ON) return null; // firmware not (or no longer) running
            AtSettings s = settings;
            byte[] echo = s.echo ? AtLineAssembler.bytes(line + "\r") : null;
            AtInterpreter.Result r = interpreter.execute(line, s);
            List<byte[]> pieces = new ArrayList<>(r.info().size() + 2);
            for (String info : r.info()) pieces.add(frame(info));
            String slipped = faults.takeNextResponseUrc();
            if (slipped != null) pieces.add(frame(slipped));
            pieces.add(r.error() == null && r.finalResult() != null ? frame(r.finalResult()) : frameFinal(r.error()));
            return new AtSession.Reply(echo, pieces, r.delayMillis() + faults.slowMillis());
        }
    }

    // ---------------------------------------------------------------- shutdown

    /** Closes the current pty at once and waits (bounded) for every session's threads to end. */
    @Override
    public void close() {
        List<AtSession> all;
        synchronized (model) {
            synchronized (this) {
                closed = true;
                closeSession(false);
                all = new ArrayList<>(sessions);
            }
        }
        for (AtSession s : all) {
            s.stop(false);
            try {
                if (!s.awaitEnd(3000)) log.warn("{}: AT session {} did not end", name, s.path());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (this) {
            sessions.removeIf(AtSession::ended);
        }
    }
}

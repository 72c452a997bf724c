package io.ltemodem.control;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.engine.ModemPorts;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.sys.Clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Control through a tool that runs once per request on a control node ({@code /dev/cdc-wdmN}): QMI, MBIM. There is
 * no connection to hold, so "connected" means the node is still there; the tool is bound to one node, and a modem
 * that re-enumerates under another gets new drivers. The probe asks one cheap question to learn whether the modem
 * answers, and counts timeouts after an answer the way the AT channel does, to report a hung modem.
 */
abstract class NodeControl implements ModemControl {
    /** Probe timeouts in a row, after an answer, that make the port count as hung (as the AT channel counts them). */
    static final int MAX_TIMEOUTS = AtChannel.DEFAULT_MAX_TIMEOUTS;

    /** What the liveness question showed: an answer (a protocol error is one too), or a timeout. */
    protected record Liveness(boolean answers, boolean timedOut) {
    }

    protected final Clock clock;
    private volatile Events events;
    // Loop thread only.
    private boolean open;
    private boolean answered;
    private int timeouts;

    protected NodeControl(Clock clock) {
        this.clock = clock;
    }

    /** The node the tool is bound to. */
    protected abstract String device();

    /** The cheap question whose answer says the modem is there. */
    protected abstract Liveness ask();

    /** Who the modem is, read once per opening, right after an answer ({@code known}: already read, or null). */
    protected abstract Fact<Identity> identity(Identity known, long now);

    /** Gives back what the tool holds on the node (an open session), as the port is let go. */
    protected void letGo() {
    }

    @Override
    public String locate(ModemPorts ports) {
        return ports.controlPort();
    }

    @Override
    public boolean connect(String path) throws IOException {
        if (!path.equals(device())) {
            String kind = name().toUpperCase(Locale.ROOT);
            throw new IOException("the " + kind + " control node is now " + path + ", but the " + kind + " tool is bound to " + device());
        }
        if (open) return false;
        open = true;
        answered = false;
        timeouts = 0;
        return true;
    }

    @Override
    public boolean connected() {
        return open && Files.exists(Path.of(device()));
    }

    @Override
    public void release() {
        if (connected()) letGo();
        open = false;
    }

    @Override
    public Snapshot.Builder probe(ModemConfig want, Identity knownIdentity) {
        long now = clock.millis();
        Snapshot.Builder b = Snapshot.builder(now).portPresent(Fact.of(true, now));
        Liveness l = ask();
        b.controlResponsive(Fact.of(l.answers(), clock.millis()));
        if (!l.answers()) {
            if (l.timedOut() && answered && ++timeouts == MAX_TIMEOUTS) {
                Events e = events;
                if (e != null) e.unresponsive();
            }
            return b;
        }
        answered = true;
        timeouts = 0;
        b.identity(identity(knownIdentity, now));
        return b;
    }

    /** No per-boot reporting switches to set over QMI or MBIM: the engine polls. */
    @Override
    public boolean init() {
        return true;
    }

    /** What a PIN verification (QMI UIM, MBIM PIN) means for the engine: "incorrect" is the twin of {@code +CME ERROR: 16}. */
    protected static PinResult pinResult(PinVerifyResult r) {
        return switch (r.outcome()) {
            case VERIFIED -> PinResult.ACCEPTED;
            case INCORRECT_PIN -> PinResult.REJECTED;
            default -> PinResult.UNCLEAR;
        };
    }

    /**
     * Not over QMI or MBIM: WDS Start Network and MBIM CONNECT carry the APN themselves, and contexts are never
     * reported to plan on, so this is never asked for.
     */
    @Override
    public boolean defineContext(int cid, String pdpType, String apn) {
        return false;
    }

    @Override
    public boolean requestPowerDown() {
        return false;
    }

    @Override
    public void listen(Events e) {
        events = e;
    }
}

package io.ltemodem.control;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.qmi.QmiDataPlane;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.engine.ModemPorts;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.OperatingMode;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.qmi.QmiResult;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Control over QMI, for a modem without an AT port: the same {@link QmiDataPlane} that carries the data session
 * also verifies the PIN (UIM), switches the radio (DMS operating mode) and resets (DMS offline, then reset). The
 * probe here only asks whether the modem answers (DMS operating mode) and, once per opening, its IMEI: the
 * plane's observation reads SIM, radio, registration, signal and bearer right after.
 *
 * <p>There is no connection to hold: every request is a tool run on the control node, so "connected" means the
 * node is still there. The tool is bound to one node; a modem that re-enumerates under another gets new drivers.
 */
public final class QmiControl implements ModemControl {
    private static final Logger log = LoggerFactory.getLogger(QmiControl.class);
    /** Probe timeouts in a row, after an answer, that make the port count as hung (as the AT channel counts them). */
    static final int MAX_TIMEOUTS = AtChannel.DEFAULT_MAX_TIMEOUTS;

    private final QmiDataPlane plane;
    private final Clock clock;
    private volatile Events events;
    // Loop thread only.
    private boolean open;
    private boolean answered;
    private int timeouts;

    public QmiControl(QmiDataPlane plane, Clock clock) {
        this.plane = plane;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "qmi";
    }

    private String device() {
        return plane.tool().device();
    }

    @Override
    public String locate(ModemPorts ports) {
        return ports.controlPort();
    }

    @Override
    public boolean connect(String path) throws IOException {
        if (!path.equals(device())) {
            throw new IOException("the QMI control node is now " + path + ", but the QMI tool is bound to " + device());
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
        open = false;
    }

    @Override
    public Snapshot.Builder probe(ModemConfig want, Identity knownIdentity) {
        long now = clock.millis();
        Snapshot.Builder b = Snapshot.builder(now).portPresent(Fact.of(true, now));
        QmiResult<OperatingMode> mode = plane.tool().operatingMode();
        // A QMI error is an answer too: the firmware is there, it only refused.
        boolean answers = mode.ok() || mode.status() == QmiResult.Status.PROTOCOL_ERROR;
        b.controlResponsive(Fact.of(answers, clock.millis()));
        if (!answers) {
            if (mode.timedOut() && answered && ++timeouts == MAX_TIMEOUTS) {
                Events e = events;
                if (e != null) e.unresponsive();
            }
            return b;
        }
        answered = true;
        timeouts = 0;
        b.identity(knownIdentity != null ? Fact.of(knownIdentity, now) : plane.identity());
        return b;
    }

    /** QMI has no per-boot reporting switches to set: the engine polls. */
    @Override
    public boolean init() {
        return true;
    }

    /** UIM Verify PIN: IncorrectPin is the QMI twin of {@code +CME ERROR: 16}. */
    @Override
    public PinResult enterPin(String pin) {
        PinVerifyResult r = plane.verifyPin(pin);
        return switch (r.outcome()) {
            case VERIFIED -> PinResult.ACCEPTED;
            case INCORRECT_PIN -> PinResult.REJECTED;
            default -> PinResult.UNCLEAR;
        };
    }

    @Override
    public boolean setRadio(boolean on) {
        return plane.setRadio(on).ok();
    }

    /** Not over QMI here: WDS Start Network carries the APN itself, and contexts are never reported to plan on. */
    @Override
    public boolean defineContext(int cid, String pdpType, String apn) {
        log.debug("{}: context definition is not done over QMI", device());
        return false;
    }

    /** Not over QMI here: the modem attaches on registration, and WDS Start Network attaches if it must. */
    @Override
    public boolean attach() {
        log.debug("{}: attach is not done over QMI", device());
        return false;
    }

    @Override
    public void requestSoftReset() {
        StepResult r = plane.softReset();
        if (!r.ok()) log.warn("{}: QMI reset: {}", device(), r.message());
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

package io.ltemodem.control;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.mbim.MbimDataPlane;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.engine.ModemPorts;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.mbim.MbimResult;
import io.ltemodem.mbim.SubscriberStatus;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Control over MBIM, for a modem without an AT port (a Fibocom L850 in its usual setup, an M.2 module exposing only
 * its MBIM function): the {@link MbimDataPlane} that carries the session also enters the PIN, switches the radio
 * and attaches. The probe asks only whether the modem answers (subscriber ready status) and reads the SIM's IMSI
 * and ICCID once per opening; the plane's observation reads SIM, radio, registration and the session right after.
 *
 * <p>MBIM's basic services have no reset: the ladder goes from the radio toggle (L2) straight to the USB reset (L4).
 * Like {@link QmiControl}, every request is a tool run on the control node; "connected" means the node is there.
 */
public final class MbimControl implements ModemControl {
    private static final Logger log = LoggerFactory.getLogger(MbimControl.class);
    /** Probe timeouts in a row, after an answer, that make the port count as hung (as the AT channel counts them). */
    static final int MAX_TIMEOUTS = AtChannel.DEFAULT_MAX_TIMEOUTS;

    private final MbimDataPlane plane;
    private final Clock clock;
    private volatile Events events;
    // Loop thread only.
    private boolean open;
    private boolean answered;
    private int timeouts;

    public MbimControl(MbimDataPlane plane, Clock clock) {
        this.plane = plane;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mbim";
    }

    private String device() {
        return plane.tool().device();
    }

    @Override
    public boolean can(RecoveryLevel level) {
        return level != RecoveryLevel.L3_MODEM;
    }

    @Override
    public String locate(ModemPorts ports) {
        return ports.controlPort();
    }

    @Override
    public boolean connect(String path) throws IOException {
        if (!path.equals(device())) {
            throw new IOException("the MBIM control node is now " + path + ", but the MBIM tool is bound to " + device());
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

    /** Lets go of the node, and of the MBIM session the tool holds open on it (mbimcli --no-close). */
    @Override
    public void release() {
        if (open) plane.tool().endSession();
        open = false;
    }

    @Override
    public Snapshot.Builder probe(ModemConfig want, Identity knownIdentity) {
        long now = clock.millis();
        Snapshot.Builder b = Snapshot.builder(now).portPresent(Fact.of(true, now));
        MbimResult<SubscriberStatus> sub = plane.subscriber();
        boolean answers = sub.ok() || sub.status() == MbimResult.Status.STATUS_ERROR;
        b.controlResponsive(Fact.of(answers, clock.millis()));
        if (!answers) {
            if (sub.timedOut() && answered && ++timeouts == MAX_TIMEOUTS) {
                Events e = events;
                if (e != null) e.unresponsive();
            }
            return b;
        }
        answered = true;
        timeouts = 0;
        if (knownIdentity != null) b.identity(Fact.of(knownIdentity, now));
        else if (sub.ok()) b.identity(Fact.of(new Identity(null, null, null, null, sub.value().subscriberId(), sub.value().iccid()), now));
        return b;
    }

    /** MBIM has no per-boot reporting switches to set: the engine polls. */
    @Override
    public boolean init() {
        return true;
    }

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

    /** Not over MBIM: CONNECT carries the APN itself, and contexts are never reported to plan on. */
    @Override
    public boolean defineContext(int cid, String pdpType, String apn) {
        log.debug("{}: context definition is not done over MBIM", device());
        return false;
    }

    @Override
    public boolean attach() {
        return plane.attach().ok();
    }

    /** can(L3) is false: the ladder does not ask. A manual "modem" reset climbs to the USB reset instead. */
    @Override
    public void requestSoftReset() {
        log.warn("{}: MBIM has no soft reset", device());
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

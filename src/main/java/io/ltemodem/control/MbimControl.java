package io.ltemodem.control;

import io.ltemodem.dataplane.mbim.MbimDataPlane;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.mbim.MbimResult;
import io.ltemodem.mbim.SubscriberStatus;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Control over MBIM, for a modem without an AT port (a Fibocom L850 in its usual setup, an M.2 module exposing only
 * its MBIM function): the {@link MbimDataPlane} that carries the session also enters the PIN, switches the radio
 * and attaches. The probe asks only whether the modem answers (subscriber ready status) and reads the SIM's IMSI
 * and ICCID once per opening; the plane's observation reads SIM, radio, registration and the session right after.
 *
 * <p>MBIM's basic services have no reset: the ladder goes from the radio toggle (L2) straight to the USB reset (L4).
 */
public final class MbimControl extends NodeControl {
    private static final Logger log = LoggerFactory.getLogger(MbimControl.class);

    private final MbimDataPlane plane;
    // Loop thread only: the answer to the last liveness question, which also names the SIM.
    private MbimResult<SubscriberStatus> lastAnswer;

    public MbimControl(MbimDataPlane plane, Clock clock) {
        super(clock);
        this.plane = plane;
    }

    @Override
    public String name() {
        return "mbim";
    }

    @Override
    protected String device() {
        return plane.tool().device();
    }

    @Override
    public boolean can(RecoveryLevel level) {
        return level != RecoveryLevel.L3_MODEM;
    }

    /** Subscriber ready status; a status error is an answer too: the firmware is there, it only refused. */
    @Override
    protected Liveness ask() {
        lastAnswer = plane.subscriber();
        return new Liveness(lastAnswer.ok() || lastAnswer.status() == MbimResult.Status.STATUS_ERROR, lastAnswer.timedOut());
    }

    /** The SIM's IMSI and ICCID from the subscriber status (MBIM's basic services give no IMEI here). */
    @Override
    protected Fact<Identity> identity(Identity known, long now) {
        if (known != null) return Fact.of(known, now);
        if (!lastAnswer.ok()) return Fact.unknown();
        SubscriberStatus s = lastAnswer.value();
        return Fact.of(new Identity(null, null, null, null, s.subscriberId(), s.iccid()), now);
    }

    /** The MBIM session mbimcli keeps open between requests ({@code --no-close}) is closed with the port. */
    @Override
    protected void letGo() {
        plane.tool().endSession();
    }

    @Override
    public PinResult enterPin(String pin) {
        return pinResult(plane.verifyPin(pin));
    }

    @Override
    public boolean setRadio(boolean on) {
        return plane.setRadio(on).ok();
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
}

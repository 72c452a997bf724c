package io.ltemodem.control;

import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.qmi.QmiDataPlane;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.qmi.OperatingMode;
import io.ltemodem.qmi.QmiResult;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Control over QMI, for a modem without an AT port: the same {@link QmiDataPlane} that carries the data session
 * also verifies the PIN (UIM), switches the radio (DMS operating mode) and resets (DMS offline, then reset). The
 * probe here only asks whether the modem answers (DMS operating mode) and, once per opening, its IMEI: the
 * plane's observation reads SIM, radio, registration, signal and bearer right after.
 */
public final class QmiControl extends NodeControl {
    private static final Logger log = LoggerFactory.getLogger(QmiControl.class);

    private final QmiDataPlane plane;

    public QmiControl(QmiDataPlane plane, Clock clock) {
        super(clock);
        this.plane = plane;
    }

    @Override
    public String name() {
        return "qmi";
    }

    @Override
    protected String device() {
        return plane.tool().device();
    }

    /** DMS operating mode; a QMI error is an answer too: the firmware is there, it only refused. */
    @Override
    protected Liveness ask() {
        QmiResult<OperatingMode> mode = plane.tool().operatingMode();
        return new Liveness(mode.ok() || mode.status() == QmiResult.Status.PROTOCOL_ERROR, mode.timedOut());
    }

    @Override
    protected Fact<Identity> identity(Identity known, long now) {
        return known != null ? Fact.of(known, now) : plane.identity();
    }

    /** UIM Verify PIN: IncorrectPin is the QMI twin of {@code +CME ERROR: 16}. */
    @Override
    public PinResult enterPin(String pin) {
        return pinResult(plane.verifyPin(pin));
    }

    @Override
    public boolean setRadio(boolean on) {
        return plane.setRadio(on).ok();
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
}

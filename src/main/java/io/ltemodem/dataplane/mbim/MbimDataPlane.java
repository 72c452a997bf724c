package io.ltemodem.dataplane.mbim;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.mbim.ConnectRequest;
import io.ltemodem.mbim.ConnectResult;
import io.ltemodem.mbim.ConnectionStatus;
import io.ltemodem.mbim.MbimResult;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.MbimTool;
import io.ltemodem.mbim.PacketServiceStatus;
import io.ltemodem.mbim.PinInfo;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.RadioState;
import io.ltemodem.mbim.RegistrationStatus;
import io.ltemodem.mbim.SubscriberStatus;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.Registration;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The MBIM data plane (name {@code mbim}): a data session through BASIC_CONNECT CONNECT via {@code mbimcli} or
 * {@code umbim} ({@link MbimTool}), the observation of SIM, radio, registration, packet attach, the session and its IP
 * configuration, and the MBIM steps the engine needs besides: PIN entry, radio on/off, automatic registration.
 *
 * <p>One MBIM session ({@code sessionId}, 0 by default: the default bearer, as ModemManager and mbim.sh use it)
 * carries the want's profile; its state is reported as the {@code pdpActivations} entry of {@code want.profile()}.
 * The settings are static (cdc_mbim is raw IP): {@code ipConfig} has {@code dhcp=false}.
 *
 * <p>Every call runs at most a handful of tool calls, each bounded by {@link io.ltemodem.mbim.MbimTimeouts};
 * {@link #observe} stops at the first timeout (a silent modem would only repeat it) and leaves the rest unknown.
 * Methods are synchronized: one MBIM conversation at a time per modem.
 */
public final class MbimDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(MbimDataPlane.class);

    private final MbimTool tool;
    private final SysfsNetdev netdev;
    private final Clock clock;
    private final int sessionId;

    /**
     * @param tool   the MBIM tool on the modem's control device ({@link io.ltemodem.mbim.MbimTools#choose})
     * @param netdev the cdc_mbim network device (e.g. {@code wwan0}), or null when there is none to report
     * @param clock  the engine's clock: observation times of the facts
     */
    public MbimDataPlane(MbimTool tool, SysfsNetdev netdev, Clock clock) {
        this(tool, netdev, clock, 0);
    }

    public MbimDataPlane(MbimTool tool, SysfsNetdev netdev, Clock clock, int sessionId) {
        this.tool = tool;
        this.netdev = netdev;
        this.clock = clock;
        this.sessionId = sessionId;
    }

    @Override
    public String name() {
        return "mbim";
    }

    @Override
    public String netdev() {
        return netdev == null ? null : netdev.name();
    }

    public MbimTool tool() {
        return tool;
    }

    // ---------------------------------------------------------------- start / stop

    /** Attaches if needed and activates the session; a session already up is kept. */
    @Override
    public synchronized StepResult start(ModemConfig want) {
        MbimResult<ConnectionStatus> now = tool.connectionState(sessionId);
        if (now.timedOut()) return fail("reading the connection state", now);
        if (now.ok() && now.value().active()) return StepResult.OK;

        MbimResult<PacketServiceStatus> ps = tool.packetServiceState();
        if (ps.timedOut()) return fail("reading the packet service state", ps);
        if (!ps.ok() || !Boolean.TRUE.equals(ps.value().attached())) {
            MbimResult<PacketServiceStatus> attach = tool.attachPacketService();
            if (!attach.ok()) return fail("attaching to the packet service", attach);
        }

        ConnectRequest req = ConnectRequest.of(want, sessionId);
        log.info("{}: connecting {}", tool.device(), req);
        MbimResult<ConnectResult> c = tool.connect(req);
        if (c.ok() && c.value().connection().active()) {
            IpConfig ip = c.value().ipConfig();
            log.info("{}: session {} up{}", tool.device(), sessionId, ip == null ? "" : ": " + ip);
            return StepResult.OK;
        }
        if (c.ok()) {
            ConnectionStatus s = c.value().connection();
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "the network did not activate the session: "
                    + s.state().nick() + (s.nwError() != null && !s.nwError().equals("none") ? " (" + s.nwError() + ")" : ""));
        }
        return fail("connecting", c);
    }

    @Override
    public synchronized StepResult stop(ModemConfig want) {
        MbimResult<ConnectionStatus> r = tool.disconnect(sessionId);
        if (r.ok() || r.is(MbimStatus.CONTEXT_NOT_ACTIVATED)) {
            log.info("{}: session {} disconnected", tool.device(), sessionId);
            return StepResult.OK;
        }
        return fail("disconnecting", r);
    }

    // ---------------------------------------------------------------- observe

    @Override
    public synchronized void observe(ModemConfig want, Snapshot.Builder into) {
        if (netdev != null) into.host(Fact.of(netdev.hostLink(), clock.millis()));

        MbimResult<SubscriberStatus> sub = tool.subscriberReadyStatus();
        if (sub.timedOut()) return;
        PinInfo pin = null;
        if (sub.ok() && MbimSimStatus.needsPinState(sub.value())) {
            MbimResult<PinInfo> p = tool.pinState();
            if (p.timedOut()) return;
            if (p.ok()) pin = p.value();
        }
        SimStatus sim = sub.ok() ? MbimSimStatus.of(sub.value(), pin) : null;
        into.sim(Fact.of(sim, clock.millis()));

        MbimResult<RadioState> radio = tool.radioState();
        if (radio.timedOut()) return;
        if (radio.ok()) into.radio(Fact.of(radio.value().cfun(), clock.millis()));

        MbimResult<RegistrationStatus> reg = tool.registrationState();
        if (reg.timedOut()) return;
        if (reg.ok()) {
            long now = clock.millis();
            Registration r = reg.value().toRegistration();
            if (r != null) into.registration(RegDomain.EPS, Fact.of(r, now));
            into.operator(Fact.of(reg.value().toOperator(), now));
        }

        MbimResult<PacketServiceStatus> ps = tool.packetServiceState();
        if (ps.timedOut()) return;
        if (ps.ok()) into.psAttached(Fact.of(ps.value().attached(), clock.millis()));

        MbimResult<ConnectionStatus> conn = tool.connectionState(sessionId);
        if (!conn.ok()) return;
        boolean active = conn.value().active();
        into.pdpActivations(Fact.of(List.of(new PdpActivation(want.profile(), active)), clock.millis()));
        if (!active) return;
        MbimResult<IpConfig> ip = tool.ipConfiguration(sessionId);
        if (ip.ok() && ip.value().hasAddress()) into.ipConfig(Fact.of(ip.value(), clock.millis()));
    }

    // ---------------------------------------------------------------- PIN, radio, registration

    /**
     * Enters PIN1 — only when the engine's PIN policy said so. The result says verified, incorrect (with the tries
     * left, read from the PIN state because mbimcli does not print them on failure), blocked (PUK needed), not ready,
     * timeout or failed. The PIN never reaches a log, a result or an exception.
     */
    public synchronized PinVerifyResult verifyPin(String pin) {
        MbimResult<PinInfo> r = tool.enterPin(pin);
        PinVerifyResult res = classify(r);
        log.info("{}: PIN entry: {} (tries left {})", tool.device(), res.outcome(), res.pinRetries());
        return res;
    }

    private PinVerifyResult classify(MbimResult<PinInfo> r) {
        if (r.ok()) {
            PinInfo p = r.value();
            if (!p.locked()) return new PinVerifyResult(PinVerifyResult.Outcome.VERIFIED, null, null, null);
            // Accepted, yet still locked: a further code (PUK, PIN2) is pending.
            return after(r.describe());
        }
        if (r.timedOut()) return new PinVerifyResult(PinVerifyResult.Outcome.TIMEOUT, null, null, r.message());
        if (r.is(MbimStatus.SIM_NOT_INSERTED) || r.is(MbimStatus.NOT_INITIALIZED) || r.is(MbimStatus.BUSY)) {
            return new PinVerifyResult(PinVerifyResult.Outcome.NOT_READY, null, null, r.describe());
        }
        if (r.is(MbimStatus.FAILURE) || r.is(MbimStatus.BAD_SIM)) return after(r.describe());
        return new PinVerifyResult(PinVerifyResult.Outcome.FAILED, null, null, r.describe());
    }

    /** What the PIN state says after a rejected entry: tries left, or blocked when the SIM now wants the PUK. */
    private PinVerifyResult after(String message) {
        MbimResult<PinInfo> p = tool.pinState();
        if (!p.ok()) return new PinVerifyResult(PinVerifyResult.Outcome.INCORRECT_PIN, null, null, message);
        PinInfo info = p.value();
        if (info.locked() && info.type() == PinType.PUK1) {
            return new PinVerifyResult(PinVerifyResult.Outcome.BLOCKED, 0, info.remainingAttempts(), message);
        }
        if (info.locked() && info.type() == PinType.PIN1) {
            Integer left = info.remainingAttempts();
            PinVerifyResult.Outcome o = left != null && left == 0 ? PinVerifyResult.Outcome.BLOCKED : PinVerifyResult.Outcome.INCORRECT_PIN;
            return new PinVerifyResult(o, left, null, message);
        }
        if (!info.locked()) return new PinVerifyResult(PinVerifyResult.Outcome.VERIFIED, null, null, null);
        return new PinVerifyResult(PinVerifyResult.Outcome.FAILED, null, null, message + "; now waiting for " + info.type().nick());
    }

    /** Software radio on or off. */
    public synchronized StepResult setRadio(boolean on) {
        MbimResult<RadioState> r = tool.setRadio(on);
        if (!r.ok()) return fail("setting the radio " + (on ? "on" : "off"), r);
        if (Boolean.TRUE.equals(r.value().softwareOn()) != on) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "the radio stayed " + (on ? "off" : "on"));
        }
        if (on && Boolean.FALSE.equals(r.value().hardwareOn())) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "the radio is switched off in hardware (rfkill / W_DISABLE#)");
        }
        return StepResult.OK;
    }

    /** Packet service attach (the engine's attach step on a modem controlled over MBIM). */
    public synchronized StepResult attach() {
        MbimResult<PacketServiceStatus> r = tool.attachPacketService();
        return r.ok() ? StepResult.OK : fail("attaching to the packet service", r);
    }

    /**
     * Whether the modem answers, and who the SIM says it is (IMSI, ICCID: MBIM's basic services carry no IMEI read
     * here). A status error is an answer too: the firmware is there, it only refused.
     */
    public synchronized MbimResult<SubscriberStatus> subscriber() {
        return tool.subscriberReadyStatus();
    }

    /** Asks the modem to register automatically (ladder L2 after a radio toggle, or a deregistered modem). */
    public synchronized StepResult registerAutomatic() {
        MbimResult<RegistrationStatus> r = tool.registerAutomatic();
        return r.ok() ? StepResult.OK : fail("asking for automatic registration", r);
    }

    /** Closes the MBIM session the tool kept open. */
    @Override
    public synchronized void close() {
        tool.endSession();
    }

    // ---------------------------------------------------------------- helpers

    private static StepResult fail(String what, MbimResult<?> r) {
        if (r.timedOut()) return StepResult.fail(ErrorCode.TIMEOUT, what + ": " + r.describe());
        MbimStatus s = r.error();
        String hint = s == null ? "" : switch (s) {
            case INVALID_ACCESS_STRING -> " (check the APN)";
            case INVALID_USER_NAME_PWD -> " (check username, password, auth)";
            case PIN_REQUIRED -> " (the SIM is locked)";
            case RADIO_POWER_OFF -> " (the radio is off)";
            case NOT_REGISTERED -> " (not registered)";
            case PACKET_SERVICE_DETACHED -> " (not attached)";
            default -> "";
        };
        ErrorCode code = r.status() == MbimResult.Status.FAILED && r.message() != null
                && (r.message().contains("couldn't open") || r.message().contains("cannot start")) ? ErrorCode.NOT_RESPONDING
                : ErrorCode.CONNECT_FAILED;
        return StepResult.fail(code, what + ": " + r.describe() + hint);
    }
}

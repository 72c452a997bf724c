package io.ltemodem.dataplane.qmi;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.Rat;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.Registration;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.CardStatus;
import io.ltemodem.qmi.ConnectionStatus;
import io.ltemodem.qmi.CurrentSettings;
import io.ltemodem.qmi.DataFormat;
import io.ltemodem.qmi.DeviceIds;
import io.ltemodem.qmi.IpFamily;
import io.ltemodem.qmi.NetworkStart;
import io.ltemodem.qmi.OperatingMode;
import io.ltemodem.qmi.PinRetries;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.qmi.QmiProtocolError;
import io.ltemodem.qmi.QmiResult;
import io.ltemodem.qmi.QmiTool;
import io.ltemodem.qmi.ServingSystem;
import io.ltemodem.qmi.StartNetworkRequest;
import io.ltemodem.sys.Clock;
import io.ltemodem.model.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The QMI data plane: data sessions through WDS via {@code qmicli} or {@code uqmi} ({@link QmiTool}), the
 * observation of SIM, radio, registration, signal, bearer and IP settings over QMI, and the QMI steps the engine
 * needs besides (PIN, radio on/off, soft reset).
 *
 * <p>Dual stack ({@code pdptype ipv4v6}) is two sessions on two WDS clients, one per family (what ModemManager
 * does on QMI); the session counts as up when at least one family connected. IPv4 or IPv6 alone is one client.
 *
 * <p>Every call here runs at most a handful of tool calls, each bounded by {@link io.ltemodem.qmi.QmiTimeouts};
 * {@link #observe} stops at the first timeout (a silent modem would only repeat it) and leaves the rest unknown.
 * The methods are synchronized: one QMI conversation at a time per modem.
 */
public final class QmiDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(QmiDataPlane.class);

    private final QmiTool tool;
    private final QmiNetdev netdev;
    private final Clock clock;
    private final WdsClients clients;

    /**
     * @param tool   the QMI tool on the modem's control device ({@link io.ltemodem.qmi.QmiTools#choose})
     * @param netdev the qmi_wwan network device, or null when there is none to manage (raw_ip is then not checked)
     * @param clock  the engine's clock: observation times of the facts
     */
    public QmiDataPlane(QmiTool tool, QmiNetdev netdev, Clock clock) {
        this.tool = tool;
        this.netdev = netdev;
        this.clock = clock;
        this.clients = new WdsClients(tool);
    }

    @Override
    public String name() {
        return "qmi";
    }

    @Override
    public String netdev() {
        return netdev == null ? null : netdev.name();
    }

    public QmiTool tool() {
        return tool;
    }

    static List<IpFamily> families(ModemConfig.PdpType t) {
        return switch (t) {
            case IPV4 -> List.of(IpFamily.V4);
            case IPV6 -> List.of(IpFamily.V6);
            case IPV4V6 -> List.of(IpFamily.V4, IpFamily.V6);
        };
    }

    // ---------------------------------------------------------------- start / stop

    @Override
    public synchronized StepResult start(ModemConfig want) {
        StepResult format = syncDataFormat();
        if (!format.ok()) return format;
        StepResult firstFailure = null;
        int up = 0;
        // Two passes at most: a CTL sync while allocating the second family's client ends the first family's
        // session too, so the first family is then started again.
        for (int pass = 0; pass < 2; pass++) {
            int syncsBefore = clients.syncs();
            firstFailure = null;
            up = 0;
            for (IpFamily f : families(want.pdpType())) {
                StepResult r = startFamily(want, f);
                if (r.ok()) {
                    up++;
                } else {
                    if (firstFailure == null) firstFailure = r;
                    if (r.error() == ErrorCode.TIMEOUT) break; // the modem is not answering: do not queue more waits
                }
            }
            if (clients.syncs() == syncsBefore || up == 0) break;
        }
        if (up > 0) {
            if (firstFailure != null) log.warn("{}: dual stack came up partly: {}", tool.device(), firstFailure.message());
            return StepResult.OK;
        }
        return firstFailure != null ? firstFailure : StepResult.fail(ErrorCode.CONNECT_FAILED, "no IP family to start");
    }

    private StepResult startFamily(ModemConfig want, IpFamily f) {
        WdsClients.Client c = clients.get(f);
        if (c.cid != null && c.handle != null) {
            // Idempotence: a session we hold and that is still up is kept, not started twice.
            QmiResult<ConnectionStatus> st = tool.packetServiceStatus(c.cid);
            if (st.ok() && st.value() == ConnectionStatus.CONNECTED) return StepResult.OK;
            if (st.timedOut()) return StepResult.fail(ErrorCode.TIMEOUT, "packet service status: " + st.message());
            if (st.is(QmiProtocolError.INVALID_CLIENT_ID)) clients.forget(f);
            else c.handle = null; // the network ended it; the client is still ours
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            QmiResult<Integer> cid = clients.ensure(f);
            if (!cid.ok()) return fail("allocating a WDS client", cid);
            if (f == IpFamily.V6 && !c.familySet) {
                QmiResult<Void> fam = tool.setIpFamily(cid.value(), IpFamily.V6);
                if (fam.timedOut()) return fail("setting the IP family", fam);
                // Older firmware may not know Set IP Family; the family preference in Start Network still applies.
                c.familySet = true;
            }
            StartNetworkRequest req = StartNetworkRequest.of(want, f);
            log.info("{}: starting {} session on WDS client {}: {}", tool.device(), f, cid.value(), req);
            QmiResult<NetworkStart> s = tool.startNetwork(cid.value(), req);
            if (s.ok()) {
                c.handle = s.value().handle();
                log.info("{}: {} session up, handle {}", tool.device(), f, c.handle);
                return StepResult.OK;
            }
            if (s.is(QmiProtocolError.NO_EFFECT)) {
                // Already connected on this client (ModemManager treats it so): stop later with the global handle.
                c.handle = NetworkStart.GLOBAL_HANDLE;
                return StepResult.OK;
            }
            if (s.is(QmiProtocolError.INVALID_CLIENT_ID)) {
                clients.forget(f); // the modem lost our client (reset, sync): allocate anew, once
                continue;
            }
            if (s.is(QmiProtocolError.CALL_FAILED)) {
                NetworkStart why = s.value();
                String reason = why != null && why.callEnd() != null ? why.callEnd().describe() : "no reason given";
                String hint = why != null && why.callEnd() != null && why.callEnd().unknownApn() ? " (check the APN)"
                        : why != null && why.callEnd() != null && why.callEnd().authenticationFailed() ? " (check username, password, auth)" : "";
                return StepResult.fail(ErrorCode.CONNECT_FAILED, "the network refused the " + label(f) + " session: " + reason + hint);
            }
            return fail("starting the " + label(f) + " session", s);
        }
        return StepResult.fail(ErrorCode.CONNECT_FAILED, "the modem keeps losing the WDS client");
    }

    /**
     * Stops our sessions and releases their client ids. With no client of ours but a session up (left by an
     * earlier run, or by another program) it stops that one with the global handle from a fresh client.
     */
    @Override
    public synchronized StepResult stop(ModemConfig want) {
        Map<IpFamily, Integer> held = clients.held();
        if (held.isEmpty()) return stopForeign();
        StepResult firstFailure = null;
        for (Map.Entry<IpFamily, Integer> e : held.entrySet()) {
            StepResult r = stopFamily(e.getKey(), e.getValue());
            if (!r.ok() && firstFailure == null) firstFailure = r;
        }
        return firstFailure != null ? firstFailure : StepResult.OK;
    }

    private StepResult stopFamily(IpFamily f, int cid) {
        WdsClients.Client c = clients.get(f);
        long handle = c.handle != null ? c.handle : NetworkStart.GLOBAL_HANDLE;
        QmiResult<Void> r = tool.stopNetwork(cid, handle, true);
        if (r.ok() || r.is(QmiProtocolError.NO_EFFECT) || r.is(QmiProtocolError.INVALID_CLIENT_ID)) {
            // Stopped, or was not up, or the client is gone: either way the tool released the id.
            clients.forget(f);
            log.info("{}: {} session stopped, WDS client {} released", tool.device(), f, cid);
            return StepResult.OK;
        }
        // Keep the id: it is still ours, and the next start or stop reuses it rather than leaking it.
        return fail("stopping the " + label(f) + " session", r);
    }

    private StepResult stopForeign() {
        QmiResult<ConnectionStatus> st = tool.packetServiceStatus(null);
        if (st.timedOut()) return fail("packet service status", st);
        if (!st.ok() || st.value() != ConnectionStatus.CONNECTED) return StepResult.OK;
        QmiResult<Integer> cid = clients.ensure(IpFamily.V4);
        if (!cid.ok()) return fail("allocating a WDS client", cid);
        return stopFamily(IpFamily.V4, cid.value());
    }

    // ---------------------------------------------------------------- data format

    /**
     * Makes the kernel's raw_ip match the modem's link-layer protocol (WDA) before a session starts: a mismatch
     * gives "connected" with no traffic. A modem without WDA leaves the kernel as it is.
     */
    private StepResult syncDataFormat() {
        if (netdev == null) return StepResult.OK;
        QmiResult<DataFormat> df = tool.dataFormat();
        if (df.timedOut()) return fail("reading the data format", df);
        if (!df.ok()) {
            log.info("{}: data format unknown ({}); leaving raw_ip as it is", tool.device(), df.describe());
            return StepResult.OK;
        }
        return netdev.ensureRawIp(df.value().rawIp());
    }

    // ---------------------------------------------------------------- observe

    @Override
    public synchronized void observe(ModemConfig want, Snapshot.Builder into) {
        if (netdev != null) into.host(Fact.of(netdev.hostLink(), clock.millis()));

        QmiResult<CardStatus> card = tool.cardStatus();
        if (card.timedOut() || exhausted(card)) return;
        if (card.ok()) into.sim(Fact.of(card.value().toSimStatus(), clock.millis()));
        else if (card.is(QmiProtocolError.UIM_UNINITIALIZED)) into.sim(Fact.of(new SimStatus(SimState.BUSY, null, null), clock.millis()));

        QmiResult<OperatingMode> mode = tool.operatingMode();
        if (mode.timedOut() || exhausted(mode)) return;
        if (mode.ok()) into.radio(Fact.of(mode.value().cfun(), clock.millis()));

        QmiResult<ServingSystem> ss = tool.servingSystem();
        if (ss.timedOut() || exhausted(ss)) return;
        if (ss.ok()) fillServing(ss.value(), into);

        QmiResult<Signal> sig = tool.signalInfo();
        if (sig.timedOut() || exhausted(sig)) return;
        if (sig.ok()) into.signal(Fact.of(sig.value(), clock.millis()));

        observeBearer(want, into);
    }

    /**
     * Every client id of a service is taken (leaked by another program, or by an earlier run): each request on a
     * temporary client fails so, and the modem would stay unknown for ever. A CTL sync frees them all (ours and
     * their sessions too, which the plane then starts again); what was not read stays unknown until the next look.
     */
    private boolean exhausted(QmiResult<?> r) {
        if (!r.is(QmiProtocolError.CLIENT_IDS_EXHAUSTED)) return false;
        log.warn("{}: no client id left on the modem; CTL sync to free the leaked ones", tool.device());
        QmiResult<Void> s = clients.sync();
        if (!s.ok()) log.warn("{}: CTL sync failed: {}", tool.device(), s.describe());
        return true;
    }

    private void fillServing(ServingSystem s, Snapshot.Builder into) {
        long now = clock.millis();
        Registration reg = s.toRegistration();
        if (reg != null) into.registration(RegDomain.EPS, Fact.of(reg, now));
        into.operator(Fact.of(s.toOperator(), now));
        Boolean ps = s.psAttached();
        if (ps == null && s.registration() != null) {
            // uqmi does not print the PS state. On LTE/NR, EPS/5GS registration includes the attach (with its
            // default bearer); not registered means not attached. Anything else stays unknown.
            Rat rat = s.rat();
            if (s.registration() == ServingSystem.State.REGISTERED && (rat == Rat.LTE || rat == Rat.NR5G)) ps = Boolean.TRUE;
            else if (s.registration() != ServingSystem.State.REGISTERED) ps = Boolean.FALSE;
        }
        into.psAttached(Fact.of(ps, now));
    }

    /** pdpActivations (the wanted profile: connected or not) and, when connected, the IP settings. */
    private void observeBearer(ModemConfig want, Snapshot.Builder into) {
        List<IpFamily> fams = families(want.pdpType());
        Integer statusCid = null;
        for (IpFamily f : fams) if (statusCid == null) statusCid = clients.get(f).cid;
        QmiResult<ConnectionStatus> st = tool.packetServiceStatus(statusCid);
        if (st.is(QmiProtocolError.INVALID_CLIENT_ID)) {
            clients.forgetAll(); // the modem forgot our clients (it reset): ask on a temporary one
            st = tool.packetServiceStatus(null);
        }
        if (exhausted(st) || !st.ok()) return;
        boolean connected = st.value() == ConnectionStatus.CONNECTED;
        long now = clock.millis();
        into.pdpActivations(Fact.of(List.of(new PdpActivation(want.profile(), connected)), now));
        if (!connected) return;

        CurrentSettings v4 = null;
        CurrentSettings v6 = null;
        for (IpFamily f : fams) {
            Integer cid = clients.get(f).cid;
            if (cid == null && fams.size() > 1 && f == IpFamily.V6) continue; // a temporary client would repeat v4
            QmiResult<CurrentSettings> cs = tool.currentSettings(cid);
            if (cs.timedOut()) break;
            if (!cs.ok()) continue;
            if (f == IpFamily.V4) v4 = cs.value();
            else v6 = cs.value();
        }
        IpConfig ip = CurrentSettings.merge(v4, v6);
        if (ip != null) into.ipConfig(Fact.of(ip, clock.millis()));
    }

    // ---------------------------------------------------------------- PIN, radio, reset, identity

    /**
     * Sends PIN1 — only when the engine's PIN policy said so. The result says verified, incorrect (tries left),
     * blocked, not ready, timeout or failed; when the tool does not report the tries left after a wrong PIN
     * (uqmi), they are read from the card status.
     */
    public synchronized PinVerifyResult verifyPin(String pin) {
        QmiResult<PinRetries> r = tool.verifyPin(pin);
        PinVerifyResult res = PinVerifyResult.of(r);
        if (res.outcome() == PinVerifyResult.Outcome.INCORRECT_PIN && res.pinRetries() == null) {
            QmiResult<CardStatus> card = tool.cardStatus();
            if (card.ok()) {
                CardStatus c = card.value();
                Integer left = c.effectivePinRetries();
                PinVerifyResult.Outcome o = left != null && left == 0 ? PinVerifyResult.Outcome.BLOCKED : res.outcome();
                res = new PinVerifyResult(o, left, c.effectivePukRetries(), res.message());
            }
        }
        log.info("{}: PIN verification: {} (tries left {})", tool.device(), res.outcome(), res.pinRetries());
        return res;
    }

    /** Radio on (operating mode online) or off (low-power). */
    public synchronized StepResult setRadio(boolean online) {
        QmiResult<Void> r = tool.setOperatingMode(online ? OperatingMode.ONLINE : OperatingMode.LOW_POWER);
        return r.ok() ? StepResult.OK : fail("setting the operating mode", r);
    }

    /**
     * Ladder level 3 over QMI: DMS operating mode offline, then reset — ModemManager's QMI reset, which "will
     * fully reboot the modem". Our client ids die with it; the engine then waits for the device to come back.
     */
    public synchronized StepResult softReset() {
        QmiResult<Void> off = tool.setOperatingMode(OperatingMode.OFFLINE);
        if (!off.ok()) return fail("setting the operating mode offline", off);
        clients.forgetAll();
        QmiResult<Void> reset = tool.setOperatingMode(OperatingMode.RESET);
        return reset.ok() ? StepResult.OK : fail("resetting the modem", reset);
    }

    /** IMEI from DMS Get IDs (manufacturer, model and the SIM's ids are not read here). */
    public synchronized Fact<Identity> identity() {
        QmiResult<DeviceIds> ids = tool.deviceIds();
        if (!ids.ok() || ids.value().imei() == null) return Fact.unknown();
        return Fact.of(new Identity(null, null, null, ids.value().imei(), null, null), clock.millis());
    }

    /** The WDS client ids held now, per family (a leak check; empty when no session is ours). */
    public synchronized Map<IpFamily, Integer> heldClients() {
        return clients.held();
    }

    /** Releases our client ids (which, on a real modem, ends their sessions). */
    @Override
    public synchronized void close() {
        for (Map.Entry<IpFamily, Integer> e : clients.held().entrySet()) {
            QmiResult<Void> r = tool.releaseWdsClient(e.getValue());
            if (!r.ok()) log.warn("{}: releasing WDS client {} failed: {}", tool.device(), e.getValue(), r.describe());
        }
        clients.forgetAll();
    }

    // ---------------------------------------------------------------- helpers

    private static String label(IpFamily f) {
        return f == IpFamily.V4 ? "IPv4" : "IPv6";
    }

    private static StepResult fail(String what, QmiResult<?> r) {
        ErrorCode code = r.timedOut() ? ErrorCode.TIMEOUT
                : r.status() == QmiResult.Status.FAILED && r.message() != null && r.message().contains("cannot start")
                ? ErrorCode.NOT_RESPONDING : ErrorCode.CONNECT_FAILED;
        List<String> parts = new ArrayList<>();
        parts.add(what);
        parts.add(r.describe());
        return StepResult.fail(code, String.join(": ", parts));
    }
}

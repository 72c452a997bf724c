package io.ltemodem.control;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtChannelListener;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.at.CmeError;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.engine.ModemPorts;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;
import io.ltemodem.probe.Probe;
import io.ltemodem.sys.Clock;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Control over the modem's AT port (27.007 plus the profile's vendor commands): the {@link Probe} reads the
 * facts, URCs tell of reboots and changes. It shares the modem's {@link AtChannel} with the ubus AT console and
 * never closes it for good, only lets go of the port.
 */
public final class AtControl implements ModemControl {
    /** What the modem forgets on every boot; each best effort (a modem without +CGEREP only tells us less). */
    private static final List<String> INIT = List.of("ATE0", "AT+CMEE=1", "AT+CREG=2", "AT+CGREG=2", "AT+CEREG=2", "AT+CGEREP=2,1");

    private final AtChannel channel;
    private final ModemProfile profile;
    private final Probe probe;
    private final long commandTimeoutMs;
    private volatile Events events;
    private final AtChannelListener urcs = new AtChannelListener() {
        @Override
        public void onUrc(String line) {
            Events e = events;
            if (e != null) dispatch(line, e);
        }

        @Override
        public void onClosed(String reason) {
            Events e = events;
            if (e != null) e.changed();
        }

        @Override
        public void onUnresponsive(int count) {
            Events e = events;
            if (e != null) e.unresponsive();
        }
    };

    public AtControl(AtChannel channel, ModemProfile profile, Clock clock, long commandTimeoutMs) {
        this.channel = channel;
        this.profile = profile;
        this.probe = new Probe(clock, commandTimeoutMs);
        this.commandTimeoutMs = commandTimeoutMs;
    }

    @Override
    public String name() {
        return "at";
    }

    @Override
    public String locate(ModemPorts ports) {
        return ports.atPort();
    }

    @Override
    public boolean connect(String path) throws IOException {
        if (channel.isOpen() && path.equals(channel.path())) return false;
        channel.open(path);
        return true;
    }

    @Override
    public boolean connected() {
        return channel.isOpen();
    }

    @Override
    public void release() {
        channel.release();
    }

    /** The AT probe; the control answered when the port answered. */
    @Override
    public Snapshot.Builder probe(ModemConfig want, Identity knownIdentity) {
        Snapshot s = probe.probe(channel, profile, knownIdentity, want.profile());
        return s.toBuilder().controlResponsive(s.atResponsive());
    }

    @Override
    public boolean init() {
        for (String cmd : INIT) {
            if (!send(cmd, commandTimeoutMs).answered()) return false;
        }
        return true;
    }

    @Override
    public PinResult enterPin(String pin) {
        // AtCommand masks the PIN in logs and results.
        AtResult r = channel.send(new AtCommand("AT+CPIN=\"" + pin + "\"", 20_000, List.of()));
        if (r.ok()) return PinResult.ACCEPTED;
        if (r.kind() == AtResult.Kind.CME_ERROR && r.cme() != null && r.cme() == CmeError.INCORRECT_PASSWORD) {
            return PinResult.REJECTED;
        }
        return PinResult.UNCLEAR;
    }

    /** {@code +CFUN=1}, or 4 (RF off) rather than 0: minimum functionality may also shut the SIM. */
    @Override
    public boolean setRadio(boolean on) {
        return send(on ? "AT+CFUN=1" : "AT+CFUN=4", 15_000).answered();
    }

    @Override
    public boolean defineContext(int cid, String pdpType, String apn) {
        return send("AT+CGDCONT=" + cid + ",\"" + pdpType + "\",\"" + apn + "\"", commandTimeoutMs).ok();
    }

    @Override
    public boolean attach() {
        return send("AT+CGATT=1", 30_000).ok();
    }

    @Override
    public void requestSoftReset() {
        send(profile.resetCommand(), 3_000);
    }

    /** Only where the board powers the module up again: a plain power-down would leave it off for good. */
    @Override
    public boolean requestPowerDown() {
        if (profile.powerDownCommand() == null || !profile.boardRepowers()) return false;
        send(profile.powerDownCommand(), 5_000);
        return true;
    }

    @Override
    public void listen(Events e) {
        if (e != null && events == null) channel.addListener(urcs);
        if (e == null) channel.removeListener(urcs);
        events = e;
    }

    private static void dispatch(String line, Events e) {
        String u = line.toUpperCase(Locale.ROOT);
        if (u.equals("RDY") || u.startsWith("^BOOT") || u.equals("POWERED DOWN")) {
            // The modem restarted (or is going): everything it was told since the last boot is gone.
            e.rebooted();
        } else if (u.startsWith("+CGEV:") || u.startsWith("+CEREG:") || u.startsWith("+CGREG:") || u.startsWith("+CREG:")
                || u.startsWith("+C5GREG:") || u.startsWith("+CPIN:")) {
            e.changed();
        }
    }

    private AtResult send(String cmd, long timeoutMs) {
        return channel.send(AtCommand.of(cmd, timeoutMs));
    }
}

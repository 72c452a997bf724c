package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.at.CmeError;
import io.ltemodem.at.parse.PacketParsers;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.PdpContext;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The AT-dialled network modes — NCM, ECM, RNDIS, cdc_ether with an AT port — as OpenWrt's ncm.sh does them: the
 * PDP context is defined over AT, a vendor dial-up ({@link DialStrategy}: Quectel {@code +QNETDEVCTL}, Huawei
 * {@code ^NDISDUP}, 27.007 {@code +CGACT}) connects it to the USB network interface, and netifd addresses that
 * interface by DHCP: {@code ipConfig} has {@code dhcp=true} (and {@code dhcpv6=true} when the PDP type carries IPv6),
 * with the address the modem assigned ({@code ^DHCP?} or {@code +CGCONTRDP}) alongside as a confirmation that the
 * session has one. With the UCI option {@code dhcp 0} the same address is reported as static settings instead.
 *
 * <p>{@code observe} fills the session ({@code pdpActivations} of {@code want.profile()}: the vendor's NDIS state,
 * which is more than {@code +CGACT}), {@code ipConfig} and the host link; SIM, radio and registration come from the
 * AT probe, which reads the same port.
 */
public final class AtDialDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(AtDialDataPlane.class);

    private final NetMode mode;
    private final AtChannel channel;
    private final DialStrategy dial;
    private final SysfsNetdev netdev;
    private final Clock clock;

    /**
     * @param mode    the USB network function (the plane's name)
     * @param channel the modem's AT channel, shared with the AT probe (it serialises commands)
     * @param dial    the dial-up for this modem ({@link DialStrategies#forProfile})
     * @param netdev  the network interface (e.g. {@code wwan0}, {@code usb0}, {@code eth1}), or null when unknown
     */
    public AtDialDataPlane(NetMode mode, AtChannel channel, DialStrategy dial, SysfsNetdev netdev, Clock clock) {
        this.mode = mode;
        this.channel = channel;
        this.dial = dial;
        this.netdev = netdev;
        this.clock = clock;
    }

    @Override
    public String name() {
        return mode.protocol();
    }

    @Override
    public String netdev() {
        return netdev == null ? null : netdev.name();
    }

    public DialStrategy dial() {
        return dial;
    }

    // ---------------------------------------------------------------- start / stop

    @Override
    public synchronized StepResult start(ModemConfig want) {
        StepResult valid = validate(want);
        if (!valid.ok()) return valid;
        AtResult st = channel.send(dial.statusQuery(want));
        if (!st.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "reading the session state: " + st);
        if (Boolean.TRUE.equals(dial.parseActive(want, st))) return StepResult.OK;

        StepResult ctx = ensureContext(want);
        if (!ctx.ok()) return ctx;
        for (AtCommand cmd : dial.credentials(want)) {
            AtResult a = channel.send(cmd);
            if (!a.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "setting authentication: " + a);
            if (!a.ok()) return StepResult.fail(ErrorCode.CONNECT_FAILED, "setting authentication failed: " + a);
        }
        for (AtCommand cmd : dial.connect(want)) {
            log.info("{}: {} dial-up: {}", channel.name(), mode.protocol(), cmd.loggable());
            AtResult r = channel.send(cmd);
            if (r.ok()) continue;
            if (!r.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "dial-up " + cmd.loggable() + ": " + r);
            String hint = r.cme() != null && r.cme() == CmeError.MISSING_APN ? " (check the APN)"
                    : r.cme() != null && r.cme() == CmeError.AUTH_FAILED ? " (check username, password, auth)" : "";
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "dial-up " + cmd.loggable() + " failed: " + r + hint);
        }
        return StepResult.OK;
    }

    /**
     * Defines the context as wanted unless it already is: redefining an active context can fail on some modems, and
     * an unchanged definition must not cost a command each cycle.
     */
    private StepResult ensureContext(ModemConfig want) {
        AtResult q = channel.send(AtCommand.of("AT+CGDCONT?"));
        if (!q.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "reading the PDP contexts: " + q);
        Optional<List<PdpContext>> defs = q.ok() ? PacketParsers.parseCgdcont(q.lines()) : Optional.empty();
        if (defs.isPresent()) {
            for (PdpContext c : defs.get()) {
                if (c.cid() == want.profile() && c.type().equals(want.pdpType().at()) && c.apn().equalsIgnoreCase(want.apn())) {
                    return StepResult.OK;
                }
            }
        }
        AtResult d = channel.send(AtCommand.of("AT+CGDCONT=" + want.profile() + ",\"" + want.pdpType().at() + "\",\"" + want.apn() + "\""));
        if (d.ok()) return StepResult.OK;
        if (!d.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "defining the PDP context: " + d);
        return StepResult.fail(ErrorCode.CONNECT_FAILED, "defining the PDP context failed: " + d);
    }

    /** Values that would break an AT command line (quotes, control characters) are refused, never sent. */
    static StepResult validate(ModemConfig want) {
        for (String[] f : new String[][]{{"apn", want.apn()}, {"username", want.username()}, {"password", want.password()}}) {
            String v = f[1];
            if (v.chars().anyMatch(ch -> ch == '"' || ch < 0x20 || ch == 0x7F)) {
                return StepResult.fail(ErrorCode.CONFIG_INVALID, "option " + f[0] + " holds a quote or control character,"
                        + " which an AT command cannot carry");
            }
        }
        return StepResult.OK;
    }

    @Override
    public synchronized StepResult stop(ModemConfig want) {
        AtResult r = channel.send(dial.disconnect(want));
        if (r.ok()) return StepResult.OK;
        if (!r.answered()) return StepResult.fail(ErrorCode.TIMEOUT, "hang-up: " + r);
        // Some firmwares refuse to disconnect what is not connected: that is a success.
        AtResult st = channel.send(dial.statusQuery(want));
        if (Boolean.FALSE.equals(dial.parseActive(want, st))) return StepResult.OK;
        return StepResult.fail(ErrorCode.CONNECT_FAILED, "hang-up " + dial.disconnect(want).loggable() + " failed: " + r);
    }

    // ---------------------------------------------------------------- observe

    @Override
    public synchronized void observe(ModemConfig want, Snapshot.Builder into) {
        if (netdev != null) into.host(Fact.of(netdev.hostLink(), clock.millis()));
        AtResult st = channel.send(dial.statusQuery(want));
        if (!st.answered()) return;
        Boolean active = dial.parseActive(want, st);
        if (active == null) return;
        into.pdpActivations(Fact.of(List.of(new PdpActivation(want.profile(), active)), clock.millis()));
        if (!active) return;

        boolean v6 = want.pdpType() != ModemConfig.PdpType.IPV4;
        boolean v4 = want.pdpType() != ModemConfig.PdpType.IPV6;
        Ipv4Config address = null;
        if (v4) {
            AtResult a = channel.send(dial.addressQuery(want));
            if (!a.answered()) return;
            address = dial.parseAddress(want, a);
            // An IPv4 session the modem has no address for: leave ipConfig unknown, so "no IP" shows.
            if (address == null) return;
        }
        into.ipConfig(Fact.of(new IpConfig(address, null, null, v4 && want.dhcp(), v6 && want.dhcpv6()), clock.millis()));
    }
}

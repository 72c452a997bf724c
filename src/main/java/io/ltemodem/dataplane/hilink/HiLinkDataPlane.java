package io.ltemodem.dataplane.hilink;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A modem with no control plane (name {@code cdc_ether}): a HiLink stick (Huawei E3372 firmware 12d1:14dc and its
 * kin) is a small router — it dials by itself as set up in its own web UI and shows the host a cdc_ether Ethernet
 * link with a DHCP server behind it. There is no AT or QMI port to ask, so everything here comes from the link in
 * sysfs ({@code operstate}, {@code carrier} under a configurable root) and from the data path the engine pings.
 *
 * <p>{@code observe} sets the host link and, while the link is up with carrier, {@code ipConfig} with
 * {@code dhcp=true} (netifd runs DHCP on the netdev); SIM, radio, registration, attach and the bearer are left
 * unknown — unknown, not guessed. {@code start} and {@code stop} act on nothing: the stick keeps its own session.
 *
 * <p>Status proposal for the integrator (engine files are not touched here): with a plane whose
 * {@link #hasControlPlane()} is false, derive the state from the host link and the data path only — link present
 * with carrier → {@code CONNECTED} with detail {@value #STATUS_DETAIL}, data path verified → {@code ONLINE} with the
 * same detail, no link → {@code ABSENT}; the ubus {@code status} then reports sim/registration/signal as unknown
 * (null) and {@code state_detail: "no control plane"}, and the ladder skips the levels that need a control plane
 * (L1 session restart, L2 radio toggle, L3 soft reset) and starts at L4 (USB reset).
 */
public final class HiLinkDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(HiLinkDataPlane.class);

    /** The detail a status shows for a modem this plane drives. */
    public static final String STATUS_DETAIL = "no control plane";

    private final SysfsNetdev netdev;
    private final Clock clock;

    /**
     * @param netdev the stick's Ethernet link (e.g. {@code eth1}, {@code usb0}) under the sysfs root to watch
     * @param clock  the engine's clock: observation times of the facts
     */
    public HiLinkDataPlane(SysfsNetdev netdev, Clock clock) {
        this.netdev = netdev;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cdc_ether";
    }

    @Override
    public String netdev() {
        return netdev.name();
    }

    /** False: nothing answers questions about SIM, radio, registration or the bearer. */
    public boolean hasControlPlane() {
        return false;
    }

    /** The link carries data: present, up, and not reporting a lost carrier. */
    public boolean linkUp() {
        if (!netdev.present() || !netdev.up()) return false;
        Boolean carrier = netdev.carrier();
        if (carrier != null) return carrier;
        String op = netdev.operstate();
        return op == null || op.equals("up") || op.equals("unknown");
    }

    /** Nothing to dial: the stick connects by itself. Fails only when its link is not there at all. */
    @Override
    public StepResult start(ModemConfig want) {
        if (!netdev.present()) return StepResult.fail(ErrorCode.NO_DEVICE, "network device " + netdev.name() + " not found");
        return StepResult.OK;
    }

    /** Nothing to hang up: the stick keeps its own session (its web UI can end it). */
    @Override
    public StepResult stop(ModemConfig want) {
        log.debug("{}: no control plane; the stick keeps its session", netdev.name());
        return StepResult.OK;
    }

    @Override
    public void observe(ModemConfig want, Snapshot.Builder into) {
        long now = clock.millis();
        into.host(Fact.of(netdev.hostLink(), now));
        if (!linkUp()) return;
        boolean v6 = want.pdpType() != ModemConfig.PdpType.IPV4 && want.dhcpv6();
        into.ipConfig(Fact.of(new IpConfig(null, null, null, true, v6), now));
    }
}

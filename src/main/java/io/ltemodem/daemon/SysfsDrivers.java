package io.ltemodem.daemon;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.control.AtControl;
import io.ltemodem.control.LinkOnlyControl;
import io.ltemodem.dataplane.AtDataPlane;
import io.ltemodem.dataplane.hilink.HiLinkDataPlane;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.dataplane.ndis.AtDialDataPlane;
import io.ltemodem.dataplane.ndis.DialStrategies;
import io.ltemodem.dataplane.ndis.NetMode;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.device.AtPortResolver;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.device.ProtocolChooser;
import io.ltemodem.device.SysfsPorts;
import io.ltemodem.device.UsbInterface;
import io.ltemodem.device.UsbModem;
import io.ltemodem.engine.DriverSelector;
import io.ltemodem.engine.Drivers;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.ppp.PppDataPlane;
import io.ltemodem.ppp.PppSetup;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The drivers of a real modem, chosen from sysfs whenever what matters changes: the protocol (UCI {@code protocol},
 * or for {@code auto} the drivers the kernel bound: {@link ProtocolChooser}), the control node, netdev and ttys.
 *
 * <table>
 *   <caption>protocol → data plane, control</caption>
 *   <tr><td>qmi</td><td>{@link io.ltemodem.dataplane.qmi.QmiDataPlane} on {@code /dev/cdc-wdmN}</td><td>AT, else QMI</td></tr>
 *   <tr><td>mbim</td><td>{@link io.ltemodem.dataplane.mbim.MbimDataPlane} on {@code /dev/cdc-wdmN}</td><td>AT, else MBIM</td></tr>
 *   <tr><td>ncm, ecm, rndis, cdc_ether with a tty</td><td>{@link AtDialDataPlane}: the profile's dial-up, DHCP on the netdev</td><td>AT</td></tr>
 *   <tr><td>cdc_ether without a tty (HiLink)</td><td>{@link HiLinkDataPlane}: the link alone</td><td>none ({@link LinkOnlyControl})</td></tr>
 *   <tr><td>ppp</td><td>{@link PppDataPlane}: pppd on the modem port, not the AT port</td><td>AT</td></tr>
 *   <tr><td>at</td><td>{@link AtDataPlane}: +CGACT, the modem routes</td><td>AT</td></tr>
 * </table>
 * What cannot work on this host (a tool not installed, a node the modem does not have) is reported as unusable
 * drivers with the reason, for a person to act on.
 */
final class SysfsDrivers implements DriverSelector {
    private static final Logger log = LoggerFactory.getLogger(SysfsDrivers.class);
    private static final DialStrategies DIALS = DialStrategies.load();

    /** What the drivers were chosen from; new drivers when it changes. */
    private record Choice(String usb, String protocol, String controlNode, String netdev, boolean hasAt, String dataTty) {
        /** The same device nodes: a change of protocol alone is a configuration change, not a re-enumeration. */
        boolean sameNodes(Choice o) {
            return usb.equals(o.usb) && Objects.equals(controlNode, o.controlNode) && Objects.equals(netdev, o.netdev);
        }
    }

    private final String name;
    private final SysfsPorts ports;
    private final AtChannel channel;
    private final Path sysfsRoot;
    private final HostTools tools;
    private final Clock clock;
    private final EngineTimings timings;
    // Loop thread only.
    private Choice chosen;
    private Drivers current;
    private volatile DeviceInfo info;

    /** @param name the modem's UCI section name (names the PPP interface and run directory) */
    SysfsDrivers(String name, SysfsPorts ports, AtChannel channel, Path sysfsRoot, HostTools tools, Clock clock, EngineTimings timings) {
        this.name = name;
        this.ports = ports;
        this.channel = channel;
        this.sysfsRoot = sysfsRoot;
        this.tools = tools;
        this.clock = clock;
        this.timings = timings;
    }

    @Override
    public Drivers select(ModemConfig want) {
        UsbModem m = ports.modem();
        if (m == null) return current; // gone, or not found yet: the ladder still needs the last control
        ModemProfile profile = ports.profile(m);
        boolean auto = "auto".equals(want.protocol());
        String protocol = auto ? ProtocolChooser.choose(m, profile) : want.protocol();
        // The kernel bound the network function but its nodes are not there yet: still enumerating.
        if (auto && stillEnumerating(protocol, m)) return current;
        Choice c = new Choice(m.name(), protocol, m.cdcWdm(), m.netdev(), !AtPortResolver.candidates(m, profile).isEmpty(),
                "ppp".equals(protocol) ? dataTty(m, profile) : null);
        // Unusable drivers are chosen again each time: the missing tool may have been installed since.
        if (c.equals(chosen) && current != null && current.usable()) return current;

        Drivers built = build(c, profile);
        if (!built.usable() && built.equals(current)) return current; // the same problem as before: nothing new
        Drivers old = current;
        Choice was = chosen;
        current = built;
        chosen = c;
        info = describe(m, profile, c);
        if (old != null && old.usable()) {
            // Same device, another protocol: the old plane gives back what it holds (client ids). A device that
            // re-enumerated took that along, and its old node may belong to another device by now.
            if (was.sameNodes(c)) old.plane().close();
        }
        if (current.usable()) {
            log.info("{}: {} {} on {}, {} control", m.name(), m.usbId(), protocol, node(c), current.control().name());
        } else {
            log.error("{}: {}", m.name(), current.problem());
        }
        return current;
    }

    private static boolean stillEnumerating(String protocol, UsbModem m) {
        return switch (protocol) {
            case "qmi", "mbim" -> m.cdcWdm() == null;
            case "ncm", "ecm", "rndis", "cdc_ether" -> m.netdev() == null;
            default -> false;
        };
    }

    private static String node(Choice c) {
        if (c.controlNode() != null) return c.controlNode();
        if (c.dataTty() != null) return c.dataTty();
        return c.netdev() != null ? c.netdev() : "-";
    }

    private Drivers build(Choice c, ModemProfile profile) {
        AtControl at = new AtControl(channel, profile, clock, timings.commandTimeoutMs());
        String p = c.protocol();
        switch (p) {
            case "qmi", "mbim" -> {
                if (c.controlNode() == null) return unusable(p + "', but the modem at " + c.usb() + " has no " + p.toUpperCase(Locale.ROOT) + " control node (cdc-wdm)");
                if ("qmi".equals(p)) {
                    QmiNetdev netdev = c.netdev() == null ? null : new QmiNetdev(sysfsRoot, c.netdev(), tools.links());
                    return tools.qmi().drivers(ports.controlPort(), netdev, c.hasAt() ? at : null, clock);
                }
                return tools.mbim().drivers(ports.controlPort(), link(c), c.hasAt() ? at : null, clock);
            }
            case "ncm", "ecm", "rndis", "cdc_ether" -> {
                if (c.netdev() == null) return unusable(p + "', but the modem at " + c.usb() + " has no network interface");
                // A cdc_ether device without any tty is a router in a stick: nothing to dial, nothing to ask.
                if ("cdc_ether".equals(p) && !c.hasAt()) return Drivers.of(new LinkOnlyControl(link(c), clock), new HiLinkDataPlane(link(c), clock));
                if (!c.hasAt()) return unusable(p + "' dials over AT, but the modem at " + c.usb() + " has no AT port");
                return Drivers.of(at, new AtDialDataPlane(NetMode.fromProtocol(p), channel, DIALS.forProfile(profile), link(c), clock));
            }
            case "ppp" -> {
                if (c.dataTty() == null) return unusable("ppp', but the modem at " + c.usb() + " has no tty for PPP besides its AT port");
                PppSetup setup = tools.ppp().of(name, c.dataTty(), sysfsRoot);
                if (!Files.isExecutable(setup.pppd()) || !Files.isExecutable(setup.chat())) {
                    return unusable("ppp' needs " + setup.pppd() + " and " + setup.chat() + " (package ppp)");
                }
                return Drivers.of(at, new PppDataPlane(setup, clock));
            }
            // "at", and a modem that has nothing but ttys: +CGACT with the modem routing. Without any tty it waits
            // here for its AT port: no other control exists for it.
            default -> {
                return Drivers.of(at, new AtDataPlane(channel, c.netdev()));
            }
        }
    }

    private SysfsNetdev link(Choice c) {
        return c.netdev() == null ? null : new SysfsNetdev(sysfsRoot, c.netdev());
    }

    private static Drivers unusable(String problem) {
        return Drivers.unusable(ErrorCode.CONFIG_INVALID, "protocol '" + problem);
    }

    /**
     * The tty PPP dials on: the profile's modem port for this composition, else the first other tty; never the AT
     * port the probe keeps open (pppd needs the port to itself). Null when the modem has no such tty.
     */
    private String dataTty(UsbModem m, ModemProfile profile) {
        String at = ports.atPort();
        List<String> ttys = new ArrayList<>();
        int n = profile.pppInterface(ProtocolChooser.choose(m, profile));
        UsbInterface named = n >= 0 ? m.iface(n) : null;
        if (named != null && named.hasTty()) ttys.add(named.ttys().get(0));
        ttys.addAll(AtPortResolver.candidates(m, profile));
        for (String tty : ttys) {
            String path = ports.node(tty);
            if (!path.equals(at)) return path;
        }
        return null;
    }

    private DeviceInfo describe(UsbModem m, ModemProfile profile, Choice c) {
        return new DeviceInfo(m.vid(), m.pid(), m.sysfsPath().toString(), null,
                c.controlNode() != null ? ports.controlPort() : c.dataTty(), c.netdev(), driver(m, c), c.protocol(), profile.id());
    }

    /** The driver that carries the data: the control node's (qmi_wwan, cdc_mbim), else the netdev's, else the tty's. */
    private static String driver(UsbModem m, Choice c) {
        for (UsbInterface i : m.interfaces()) if (c.controlNode() != null && c.controlNode().equals(i.cdcWdm())) return i.driver();
        for (UsbInterface i : m.interfaces()) if (c.netdev() != null && i.netdevs().contains(c.netdev())) return i.driver();
        for (UsbInterface i : m.interfaces()) if (i.hasTty()) return i.driver();
        return null;
    }

    /** The AT port is the one the channel has open now (discovery might have to probe to tell otherwise). */
    @Override
    public DeviceInfo describe() {
        DeviceInfo d = info;
        if (d == null) return null;
        return new DeviceInfo(d.vid(), d.pid(), d.usbPath(), channel.path(), d.controlPort(), d.netdev(), d.driver(),
                d.protocol(), d.profile());
    }

    @Override
    public void close() {
        Drivers d = current;
        if (d != null && d.usable()) d.plane().close();
    }
}

package io.ltemodem.daemon;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.control.AtControl;
import io.ltemodem.dataplane.AtDataPlane;
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
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The drivers of a real modem, chosen from sysfs whenever what matters changes: the protocol (UCI {@code protocol},
 * or for {@code auto} the drivers the kernel bound: {@link ProtocolChooser}), the control node and netdev, the
 * AT port's presence. QMI gets {@link QmiDataPlane} on {@code /dev/cdc-wdmN} with the installed tool; everything
 * else the AT data plane. Control stays on AT when the modem has an AT port, and goes over QMI when it has none.
 */
final class SysfsDrivers implements DriverSelector {
    private static final Logger log = LoggerFactory.getLogger(SysfsDrivers.class);

    /** What the drivers were chosen from; new drivers when it changes. */
    private record Choice(String usb, String protocol, String controlNode, String netdev, boolean hasAt) {
        /** The same device nodes: a change of protocol alone is a configuration change, not a re-enumeration. */
        boolean sameNodes(Choice o) {
            return usb.equals(o.usb) && Objects.equals(controlNode, o.controlNode) && Objects.equals(netdev, o.netdev);
        }
    }

    private final SysfsPorts ports;
    private final AtChannel channel;
    private final Path sysfsRoot;
    private final QmiToolChooser qmiTools;
    private final QmiNetdev.LinkControl links;
    private final Clock clock;
    private final EngineTimings timings;
    // Loop thread only.
    private Choice chosen;
    private Drivers current;
    private volatile DeviceInfo info;

    SysfsDrivers(SysfsPorts ports, AtChannel channel, Path sysfsRoot, QmiToolChooser qmiTools,
                 QmiNetdev.LinkControl links, Clock clock, EngineTimings timings) {
        this.ports = ports;
        this.channel = channel;
        this.sysfsRoot = sysfsRoot;
        this.qmiTools = qmiTools;
        this.links = links;
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
        // qmi_wwan is bound but its cdc-wdm node is not there yet: still enumerating.
        if (auto && "qmi".equals(protocol) && m.cdcWdm() == null) return current;
        Choice c = new Choice(m.name(), protocol, m.cdcWdm(), m.netdev(), !AtPortResolver.candidates(m, profile).isEmpty());
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
            log.info("{}: {} {} on {}, {} control", m.name(), m.usbId(), protocol, c.controlNode() != null ? c.controlNode() : "-",
                    current.control().name());
        } else {
            log.error("{}: {}", m.name(), current.problem());
        }
        return current;
    }

    private Drivers build(Choice c, ModemProfile profile) {
        AtControl at = new AtControl(channel, profile, clock, timings.commandTimeoutMs());
        // A modem without any tty waits for its AT port here: no other control exists for it yet.
        if (!"qmi".equals(c.protocol())) return Drivers.of(at, new AtDataPlane(channel, c.netdev()));
        if (c.controlNode() == null) {
            return Drivers.unusable(ErrorCode.CONFIG_INVALID, "protocol 'qmi', but the modem at " + c.usb() + " has no QMI control node (cdc-wdm)");
        }
        QmiNetdev netdev = c.netdev() == null ? null : new QmiNetdev(sysfsRoot, c.netdev(), links);
        return qmiTools.drivers(ports.controlPort(), netdev, c.hasAt() ? at : null, clock);
    }

    private DeviceInfo describe(UsbModem m, ModemProfile profile, Choice c) {
        return new DeviceInfo(m.vid(), m.pid(), m.sysfsPath().toString(), null,
                c.controlNode() != null ? ports.controlPort() : null, c.netdev(), driver(m, c), c.protocol(), profile.id());
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

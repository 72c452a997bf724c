package io.ltemodem.daemon.simulated;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.control.AtControl;
import io.ltemodem.daemon.ModemFactory;
import io.ltemodem.daemon.QmiToolChooser;
import io.ltemodem.dataplane.AtDataPlane;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.engine.DriverSelector;
import io.ltemodem.engine.Drivers;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Ladder;
import io.ltemodem.engine.PinPolicy;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.RecoveryActions;
import io.ltemodem.engine.RejectedPins;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;

import java.nio.file.Path;

/**
 * Wires a reconciler to a simulated modem. The engine, the AT channel and the simulator share one clock, so a
 * scaled clock speeds all of them up alike: a 5 s AT deadline is as long, relative to the modem, as on hardware.
 *
 * <p>By default the modem is driven over AT alone. {@link #withQmi} puts the data on the modem's QMI port (the
 * simulator must have one) and, for a modem taken as having no AT port, the control too.
 */
public final class SimModemFactory implements ModemFactory {
    private final Clock clock;
    private final SimModem sim;
    private final EngineTimings timings;
    private final Path usbDevice;
    private final java.time.Clock wall;
    private final Qmi qmi;

    /** The QMI wiring: the tool per node, the host netdev (null: none checked), and whether control goes over QMI. */
    private record Qmi(QmiToolChooser tools, QmiNetdev netdev, boolean control) {
    }

    public SimModemFactory(Clock clock, SimModem sim, EngineTimings timings, Path usbDevice, java.time.Clock wall) {
        this(clock, sim, timings, usbDevice, wall, null);
    }

    private SimModemFactory(Clock clock, SimModem sim, EngineTimings timings, Path usbDevice, java.time.Clock wall, Qmi qmi) {
        this.clock = clock;
        this.sim = sim;
        this.timings = timings;
        this.usbDevice = usbDevice;
        this.wall = wall;
        this.qmi = qmi;
    }

    /**
     * Data over the modem's QMI port ({@link SimModem#qmiPort()}), through the tool {@code tools} picks.
     *
     * @param netdev     the qmi_wwan netdev whose raw_ip the plane keeps right (a fake sysfs one), or null
     * @param qmiControl control over QMI as well, as for a modem without an AT port; else control stays on AT
     */
    public SimModemFactory withQmi(QmiToolChooser tools, QmiNetdev netdev, boolean qmiControl) {
        if (sim.qmiPort() == null) throw new IllegalArgumentException(sim.name() + " has no QMI port: build it with qmi(true)");
        return new SimModemFactory(clock, sim, timings, usbDevice, wall, new Qmi(tools, netdev, qmiControl));
    }

    @Override
    public Reconciler.Parts create(ModemConfig modem, DaemonConfig daemon) {
        ModemProfile profile = ModemProfiles.load().forUsbId(sim.persona().usbId());
        AtChannel channel = AtChannel.serial(modem.name(), clock);
        AtControl at = new AtControl(channel, profile, clock, timings.commandTimeoutMs());
        DriverSelector drivers = qmi == null
                ? DriverSelector.fixed(Drivers.of(at, new AtDataPlane(channel, null)), () -> info(channel, "at", profile))
                : new QmiDrivers(at, channel, profile);
        Ladder ladder = new Ladder(clock, new Ladder.Settings(daemon.maxResetsPerHour(), daemon.stablePeriodMs(),
                2_000, 120_000, 600_000, 1_800_000));
        PinPolicy pins = new PinPolicy(new RejectedPins(daemon.stateDir().resolve("rejected-pins")));
        RecoveryActions recovery = new RecoveryActions(clock, timings,
                daemon.gpioPower().isEmpty() ? null : Path.of(daemon.gpioPower()));
        return new Reconciler.Parts(clock, wall, new SimPorts(sim, usbDevice), channel, drivers,
                new SimDataPath(sim, modem.profile()), pins, ladder, recovery, timings);
    }

    private DeviceInfo info(AtChannel channel, String protocol, ModemProfile profile) {
        String[] id = sim.persona().usbId().split(":");
        return new DeviceInfo(id[0], id[1], usbDevice == null ? null : usbDevice.toString(), channel.path(), sim.qmiPath(),
                qmi != null && qmi.netdev() != null ? qmi.netdev().name() : null, null, protocol, profile.id());
    }

    /**
     * QMI drivers bound to the QMI pty of the moment: a reboot re-creates the pty under a new path, and the plane
     * follows it (the old one's client ids died with the old pty; there is nothing to give back).
     */
    private final class QmiDrivers implements DriverSelector {
        private final AtControl at;
        private final AtChannel channel;
        private final ModemProfile profile;
        private String boundTo;
        private Drivers current;

        QmiDrivers(AtControl at, AtChannel channel, ModemProfile profile) {
            this.at = at;
            this.channel = channel;
            this.profile = profile;
        }

        @Override
        public Drivers select(ModemConfig want) {
            String node = sim.qmiPath();
            if (node == null || node.equals(boundTo)) return current; // gone: keep the last for the ladder
            boundTo = node;
            current = qmi.tools().drivers(node, qmi.netdev(), qmi.control() ? null : at, clock);
            return current;
        }

        @Override
        public DeviceInfo describe() {
            return info(channel, "qmi", profile);
        }

        @Override
        public void close() {
            Drivers d = current;
            if (d != null && d.usable()) d.plane().close();
        }
    }
}

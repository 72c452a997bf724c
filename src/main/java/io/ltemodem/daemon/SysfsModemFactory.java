package io.ltemodem.daemon;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.SerialAtPort;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.device.SysfsDiscovery;
import io.ltemodem.device.SysfsPorts;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Ladder;
import io.ltemodem.engine.PinPolicy;
import io.ltemodem.engine.PingCheck;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.RecoveryActions;
import io.ltemodem.engine.RejectedPins;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;

import java.nio.file.Path;

/**
 * Real modems: found in sysfs, their drivers chosen when they are found ({@link SysfsDrivers}: AT over jSerialComm,
 * QMI through qmicli/uqmi, MBIM through mbimcli/umbim, AT-dialled network modes, HiLink, PPP), resets through sysfs
 * and GPIO.
 */
public final class SysfsModemFactory implements ModemFactory {
    private final Clock clock;
    private final Path devRoot;
    private final ModemProfiles profiles;
    private final ProcessRunner runner;
    private final EngineTimings timings;
    private final HostTools tools;

    public SysfsModemFactory(Clock clock, Path devRoot, ModemProfiles profiles, ProcessRunner runner, EngineTimings timings) {
        this(clock, devRoot, profiles, runner, timings, HostTools.installed(runner));
    }

    /**
     * @param qmiTools which QMI tool drives a control node (the other tools: what is installed)
     * @param links    brings a qmi_wwan netdev down before its raw_ip changes (default: {@code ip link})
     */
    public SysfsModemFactory(Clock clock, Path devRoot, ModemProfiles profiles, ProcessRunner runner, EngineTimings timings,
                             QmiToolChooser qmiTools, QmiNetdev.LinkControl links) {
        this(clock, devRoot, profiles, runner, timings, HostTools.installed(runner).withQmi(qmiTools).withLinks(links));
    }

    /** @param tools the QMI and MBIM tools, pppd and the link control the drivers use */
    public SysfsModemFactory(Clock clock, Path devRoot, ModemProfiles profiles, ProcessRunner runner, EngineTimings timings,
                             HostTools tools) {
        this.clock = clock;
        this.devRoot = devRoot;
        this.profiles = profiles;
        this.runner = runner;
        this.timings = timings;
        this.tools = tools;
    }

    @Override
    public Reconciler.Parts create(ModemConfig modem, DaemonConfig daemon) {
        SysfsDiscovery discovery = new SysfsDiscovery(daemon.sysfsRoot(), profiles);
        SysfsPorts ports = new SysfsPorts(discovery, profiles, devRoot, modem.device(), this::answersAt);
        AtChannel channel = AtChannel.serial(modem.name(), clock);
        SysfsDrivers drivers = new SysfsDrivers(modem.name(), ports, channel, daemon.sysfsRoot(), tools, clock, timings);
        Ladder ladder = new Ladder(clock, new Ladder.Settings(daemon.maxResetsPerHour(), daemon.stablePeriodMs(),
                2_000, 120_000, 600_000, 1_800_000));
        PinPolicy pins = new PinPolicy(new RejectedPins(daemon.stateDir().resolve("rejected-pins")));
        RecoveryActions recovery = new RecoveryActions(clock, timings,
                daemon.gpioPower().isEmpty() ? null : Path.of(daemon.gpioPower()));
        return new Reconciler.Parts(clock, java.time.Clock.systemDefaultZone(), ports, channel, drivers,
                new PingCheck(runner, daemon.watchdogHosts(), 3_000), pins, ladder, recovery, timings);
    }

    /** A throw-away channel that asks the candidate {@code AT} once. */
    private boolean answersAt(String path) {
        AtChannel probe = new AtChannel("probe", clock, SerialAtPort::open, 1, 1_000);
        try {
            probe.open(path);
            return probe.send(AtCommand.of("AT", 1_000)).ok();
        } catch (java.io.IOException e) {
            return false;
        } finally {
            probe.close();
        }
    }
}

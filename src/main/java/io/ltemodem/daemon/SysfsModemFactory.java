package io.ltemodem.daemon;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.SerialAtPort;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.AtDataPlane;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.device.SysfsDiscovery;
import io.ltemodem.device.SysfsPorts;
import io.ltemodem.device.UsbModem;
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

/** Real modems: found in sysfs, AT over jSerialComm, resets through sysfs and GPIO. */
public final class SysfsModemFactory implements ModemFactory {
    private final Clock clock;
    private final Path devRoot;
    private final ModemProfiles profiles;
    private final ProcessRunner runner;
    private final EngineTimings timings;

    public SysfsModemFactory(Clock clock, Path devRoot, ModemProfiles profiles, ProcessRunner runner, EngineTimings timings) {
        this.clock = clock;
        this.devRoot = devRoot;
        this.profiles = profiles;
        this.runner = runner;
        this.timings = timings;
    }

    @Override
    public Reconciler.Parts create(ModemConfig modem, DaemonConfig daemon) {
        SysfsDiscovery discovery = new SysfsDiscovery(daemon.sysfsRoot(), profiles);
        SysfsPorts ports = new SysfsPorts(discovery, profiles, devRoot, modem.device(), this::answersAt);
        UsbModem now = ports.modem();
        ModemProfile profile = now != null ? ports.profile(now) : ModemProfile.GENERIC;
        AtChannel channel = AtChannel.serial(modem.name(), clock);
        String netdev = now != null ? now.netdev() : null;
        Ladder ladder = new Ladder(clock, new Ladder.Settings(daemon.maxResetsPerHour(), daemon.stablePeriodMs(),
                2_000, 120_000, 600_000, 1_800_000));
        PinPolicy pins = new PinPolicy(new RejectedPins(daemon.stateDir().resolve("rejected-pins")));
        RecoveryActions recovery = new RecoveryActions(clock, timings,
                daemon.gpioPower().isEmpty() ? null : Path.of(daemon.gpioPower()));
        return new Reconciler.Parts(clock, java.time.Clock.systemDefaultZone(), ports, channel, profile,
                new AtDataPlane(channel, netdev), new PingCheck(runner, daemon.watchdogHosts(), 3_000), pins, ladder,
                recovery, timings);
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

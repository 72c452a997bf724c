package io.ltemodem.daemon.simulated;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.ModemFactory;
import io.ltemodem.dataplane.AtDataPlane;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Ladder;
import io.ltemodem.engine.PinPolicy;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.RecoveryActions;
import io.ltemodem.engine.RejectedPins;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;

import java.nio.file.Path;

/**
 * Wires a reconciler to a simulated modem. The engine, the AT channel and the simulator share one clock, so a
 * scaled clock speeds all of them up alike: a 5 s AT deadline is as long, relative to the modem, as on hardware.
 */
public final class SimModemFactory implements ModemFactory {
    private final Clock clock;
    private final SimModem sim;
    private final EngineTimings timings;
    private final Path usbDevice;
    private final java.time.Clock wall;

    public SimModemFactory(Clock clock, SimModem sim, EngineTimings timings, Path usbDevice, java.time.Clock wall) {
        this.clock = clock;
        this.sim = sim;
        this.timings = timings;
        this.usbDevice = usbDevice;
        this.wall = wall;
    }

    @Override
    public Reconciler.Parts create(ModemConfig modem, DaemonConfig daemon) {
        ModemProfile profile = ModemProfiles.load().forUsbId(sim.persona().usbId());
        AtChannel channel = AtChannel.serial(modem.name(), clock);
        Ladder ladder = new Ladder(clock, new Ladder.Settings(daemon.maxResetsPerHour(), daemon.stablePeriodMs(),
                2_000, 120_000, 600_000, 1_800_000));
        PinPolicy pins = new PinPolicy(new RejectedPins(daemon.stateDir().resolve("rejected-pins")));
        RecoveryActions recovery = new RecoveryActions(clock, timings,
                daemon.gpioPower().isEmpty() ? null : Path.of(daemon.gpioPower()));
        return new Reconciler.Parts(clock, wall, new SimPorts(sim, usbDevice), channel, profile,
                new AtDataPlane(channel, null), new SimDataPath(sim, modem.profile()), pins, ladder, recovery, timings);
    }
}

package io.ltemodem.engine;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The resets of the ladder (L3–L5). Each ends by waiting for a fact — the device gone from sysfs, then back —
 * with a deadline, never for a fixed time (the seed's {@code sleep 25}).
 */
public final class RecoveryActions {
    private static final Logger log = LoggerFactory.getLogger(RecoveryActions.class);

    private final Clock clock;
    private final EngineTimings timings;
    private final Path gpioPower;

    /** @param gpioPower the sysfs GPIO value file that powers the modem, or null */
    public RecoveryActions(Clock clock, EngineTimings timings, Path gpioPower) {
        this.clock = clock;
        this.timings = timings;
        this.gpioPower = gpioPower;
    }

    /** Whether a GPIO power line is configured (then even a modem never seen can be powered up). */
    public boolean hasPowerLine() {
        return gpioPower != null;
    }

    /** L3: the profile's soft reset, then the ports must go away and come back. */
    public boolean softReset(AtChannel channel, ModemProfile profile, ModemPorts ports) {
        // The modem may reset before it answers: the result does not matter, the re-enumeration does.
        channel.send(AtCommand.of(profile.resetCommand(), 3_000));
        return awaitReenumeration(channel, ports, "soft reset " + profile.resetCommand());
    }

    /** L4: de-authorise the USB device and authorise it again (the kernel re-enumerates it). */
    public boolean usbReset(AtChannel channel, ModemPorts ports) {
        Path dev = ports.usbDevice();
        if (dev == null) {
            log.warn("USB reset impossible: the modem's USB device is not known");
            return false;
        }
        Path authorized = dev.resolve("authorized");
        channel.release();
        if (!write(authorized, "0")) return false;
        boolean gone = waitFor(() -> ports.atPort() == null, timings.resetVanishMs());
        if (!gone) log.warn("USB reset: ports still present after de-authorising {}", dev);
        if (!write(authorized, "1")) return false;
        return waitFor(() -> ports.atPort() != null, timings.resetReturnMs());
    }

    /**
     * L5: cut the power through the configured GPIO and restore it, or the profile's power-down where the board
     * powers the module up again by itself. Without either there is nothing L5 can do.
     */
    public boolean powerCycle(AtChannel channel, ModemProfile profile, ModemPorts ports) {
        if (gpioPower != null) {
            channel.release();
            if (!write(gpioPower, "0")) return false;
            waitFor(() -> !ports.devicePresent() && ports.atPort() == null, timings.resetVanishMs());
            // The module's supply must stay off long enough for it to discharge; that is a hardware time, not a fact.
            sleep(timings.powerOffHoldMs());
            if (!write(gpioPower, "1")) return false;
            return waitFor(() -> ports.atPort() != null, timings.resetReturnMs());
        }
        if (profile.powerDownCommand() != null && profile.boardRepowers()) {
            channel.send(AtCommand.of(profile.powerDownCommand(), 5_000));
            return awaitReenumeration(channel, ports, "power-down " + profile.powerDownCommand());
        }
        log.warn("power cycle impossible: no gpio_power configured and the board does not re-power the module");
        return false;
    }

    private boolean awaitReenumeration(AtChannel channel, ModemPorts ports, String what) {
        String before = ports.atPort();
        boolean gone = waitFor(() -> {
            String now = ports.atPort();
            return now == null || !now.equals(before) || !channel.isOpen();
        }, timings.resetVanishMs());
        channel.release();
        if (!gone) {
            log.warn("{}: the modem did not go away within {} ms", what, timings.resetVanishMs());
            return false;
        }
        boolean back = waitFor(() -> ports.atPort() != null, timings.resetReturnMs());
        if (!back) log.warn("{}: the modem did not come back within {} ms", what, timings.resetReturnMs());
        return back;
    }

    private boolean waitFor(BooleanSupplier fact, long timeoutMs) {
        Deadline d = Deadline.in(clock, timeoutMs);
        while (!fact.getAsBoolean()) {
            if (d.expired()) return false;
            sleep(Math.min(timings.portPollMs(), Math.max(1, d.remaining())));
        }
        return true;
    }

    private void sleep(long ms) {
        try {
            clock.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean write(Path file, String value) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (IOException e) {
            log.warn("cannot write {} to {}: {}", value, file, e.getMessage());
            return false;
        }
    }
}

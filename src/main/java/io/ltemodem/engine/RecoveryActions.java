package io.ltemodem.engine;

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
 * with a deadline, never for a fixed time (the seed's {@code sleep 25}). "Back" means the control's port is
 * there again; L4 and L5 also run before any modem was found (control null), and then wait for the USB device.
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

    /**
     * L3: the control's soft reset (the profile's reset command over AT, DMS offline→reset over QMI), then the
     * ports must go away and come back.
     */
    public boolean softReset(ModemControl control, ModemPorts ports) {
        // The modem may reset before it answers: the result does not matter, the re-enumeration does.
        control.requestSoftReset();
        return awaitReenumeration(control, ports, control.name() + " soft reset");
    }

    /** L4: de-authorise the USB device and authorise it again (the kernel re-enumerates it). */
    public boolean usbReset(ModemControl control, ModemPorts ports) {
        Path dev = ports.usbDevice();
        if (dev == null) {
            log.warn("USB reset impossible: the modem's USB device is not known");
            return false;
        }
        Path authorized = dev.resolve("authorized");
        release(control);
        if (!write(authorized, "0")) return false;
        boolean gone = waitFor(() -> !present(control, ports), timings.resetVanishMs());
        if (!gone) log.warn("USB reset: ports still present after de-authorising {}", dev);
        if (!write(authorized, "1")) return false;
        return waitFor(() -> present(control, ports), timings.resetReturnMs());
    }

    /**
     * L5: cut the power through the configured GPIO and restore it, or the profile's power-down where the board
     * powers the module up again by itself. Without either there is nothing L5 can do.
     */
    public boolean powerCycle(ModemControl control, ModemPorts ports) {
        if (gpioPower != null) {
            release(control);
            if (!write(gpioPower, "0")) return false;
            waitFor(() -> !ports.devicePresent() && !present(control, ports), timings.resetVanishMs());
            // The module's supply must stay off long enough for it to discharge; that is a hardware time, not a fact.
            sleep(timings.powerOffHoldMs());
            if (!write(gpioPower, "1")) return false;
            return waitFor(() -> present(control, ports), timings.resetReturnMs());
        }
        if (control != null && control.requestPowerDown()) return awaitReenumeration(control, ports, control.name() + " power-down");
        log.warn("power cycle impossible: no gpio_power configured and the board does not re-power the module");
        return false;
    }

    private boolean awaitReenumeration(ModemControl control, ModemPorts ports, String what) {
        String before = control.locate(ports);
        boolean gone = waitFor(() -> {
            String now = control.locate(ports);
            return now == null || !now.equals(before) || !control.connected();
        }, timings.resetVanishMs());
        control.release();
        if (!gone) {
            log.warn("{}: the modem did not go away within {} ms", what, timings.resetVanishMs());
            return false;
        }
        boolean back = waitFor(() -> control.locate(ports) != null, timings.resetReturnMs());
        if (!back) log.warn("{}: the modem did not come back within {} ms", what, timings.resetReturnMs());
        return back;
    }

    /** The control's port is there; without a control (no modem found yet), the USB device is. */
    private static boolean present(ModemControl control, ModemPorts ports) {
        return control != null ? control.locate(ports) != null : ports.devicePresent();
    }

    private static void release(ModemControl control) {
        if (control != null) control.release();
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

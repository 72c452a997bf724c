package io.ltemodem.engine;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.DeviceInfo;

import java.util.function.Supplier;

/**
 * Chooses a modem's {@link Drivers} from what discovery finds, when the modem is first found and again whenever it
 * re-enumerates or the configuration asks for another protocol (netifd picks a proto handler per interface,
 * ModemManager a plugin per device). A modem absent when the daemon starts so gets the right drivers when it
 * appears, and one that comes back with a new control node gets drivers bound to it.
 *
 * <p>The selector owns the drivers it builds: it closes a data plane it replaces when the modem is still there
 * (so the plane gives back what it holds), and drops one whose device went away (what it held went with it).
 */
public interface DriverSelector extends AutoCloseable {
    /**
     * The drivers for the modem as found now: the same object while nothing that matters changed; null while no
     * modem has been found yet. Called by the reconciler's loop thread every cycle; cheap (sysfs reads at most).
     */
    Drivers select(ModemConfig want);

    /** Where the modem sits, as the last {@link #select} saw it. Never waits on the modem (ubus {@code info} calls it). */
    DeviceInfo describe();

    /** Closes the current data plane (it releases what it holds on the modem). */
    @Override
    void close();

    /** Always the same drivers (a modem wired by hand: tests, a simulated modem on one protocol). */
    static DriverSelector fixed(Drivers drivers, Supplier<DeviceInfo> info) {
        return new DriverSelector() {
            @Override
            public Drivers select(ModemConfig want) {
                return drivers;
            }

            @Override
            public DeviceInfo describe() {
                return info.get();
            }

            @Override
            public void close() {
                if (drivers.usable()) drivers.plane().close();
            }
        };
    }
}

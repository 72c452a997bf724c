package io.ltemodem.daemon.simulated;

import io.ltemodem.engine.ModemPorts;
import io.ltemodem.sim.SimModem;

import java.nio.file.Path;

/**
 * A simulated modem's ports as the engine sees them: the AT pty's and the QMI pty's current paths (new ones after
 * every re-enumeration, none while the module is off or rebooting), the USB presence, and optionally a fake sysfs
 * device directory for the USB reset.
 */
public final class SimPorts implements ModemPorts {
    private final SimModem sim;
    private final Path usbDevice;

    public SimPorts(SimModem sim, Path usbDevice) {
        this.sim = sim;
        this.usbDevice = usbDevice;
    }

    @Override
    public String atPort() {
        return sim.currentPath();
    }

    /** The QMI pty (a modem built with a QMI port), or null. */
    @Override
    public String controlPort() {
        return sim.qmiPath();
    }

    @Override
    public boolean devicePresent() {
        return sim.model().usbPresent();
    }

    @Override
    public Path usbDevice() {
        return usbDevice;
    }
}

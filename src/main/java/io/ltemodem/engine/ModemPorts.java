package io.ltemodem.engine;

import java.nio.file.Path;

/**
 * Where one modem's ports are right now. Asked again every cycle, so a port that re-enumerated under
 * another name is found again (never a hard-coded {@code /dev/ttyUSB2}). Implemented by sysfs discovery,
 * and by the simulator for tests and the demo.
 */
public interface ModemPorts {
    /** The AT port's path now, or null when the device or its AT port is not there. */
    String atPort();

    /** The QMI/MBIM control node's path now (e.g. {@code /dev/cdc-wdm0}), or null when there is none (yet). */
    default String controlPort() {
        return null;
    }

    /** Whether the USB device itself is present (it may be, while its ports are still being created). */
    boolean devicePresent();

    /** The modem's USB device directory in sysfs (for the L4 reset), or null when unknown. */
    default Path usbDevice() {
        return null;
    }
}

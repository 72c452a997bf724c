package io.ltemodem.device;

import java.util.List;

/**
 * One USB interface of a modem as sysfs shows it: number, class triple, bound driver and the device nodes it
 * exposes (tty names, a cdc-wdm node, network devices). Class values are the two-digit hex strings sysfs prints.
 */
public record UsbInterface(int number, String cls, String subclass, String protocol, String driver,
                           List<String> ttys, String cdcWdm, List<String> netdevs) {
    public UsbInterface {
        ttys = ttys == null ? List.of() : List.copyOf(ttys);
        netdevs = netdevs == null ? List.of() : List.copyOf(netdevs);
    }

    public boolean hasTty() {
        return !ttys.isEmpty();
    }
}

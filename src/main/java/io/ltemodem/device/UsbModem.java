package io.ltemodem.device;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A USB device that is (or may be) a modem: its sysfs directory, name ({@code 1-1.2}), ids and interfaces.
 */
public record UsbModem(Path sysfsPath, String name, String vid, String pid, String manufacturer, String product,
                       List<UsbInterface> interfaces) {
    public UsbModem {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        vid = vid == null ? null : vid.toLowerCase(Locale.ROOT);
        pid = pid == null ? null : pid.toLowerCase(Locale.ROOT);
    }

    /** {@code vid:pid} in lower-case hex, e.g. {@code 2c7c:0125}. */
    public String usbId() {
        return vid + ":" + pid;
    }

    public UsbInterface iface(int number) {
        for (UsbInterface i : interfaces) if (i.number() == number) return i;
        return null;
    }

    public boolean hasDriver(String driver) {
        return interfaces.stream().anyMatch(i -> driver.equals(i.driver()));
    }

    /** The first network device, or null. */
    public String netdev() {
        return interfaces.stream().flatMap(i -> i.netdevs().stream()).findFirst().orElse(null);
    }

    /** The first cdc-wdm node name (QMI or MBIM control), or null. */
    public String cdcWdm() {
        return interfaces.stream().map(UsbInterface::cdcWdm).filter(w -> w != null).findFirst().orElse(null);
    }
}

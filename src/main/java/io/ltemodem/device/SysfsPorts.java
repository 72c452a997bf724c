package io.ltemodem.device;

import io.ltemodem.engine.ModemPorts;

import java.nio.file.Path;
import java.util.List;

/**
 * The ports of the modem an interface's {@code device} option names, found afresh in sysfs on every call so
 * that a re-enumerated modem is followed to its new node names. {@code device} is {@code auto} (the first modem;
 * then the same USB port), a sysfs USB device ({@code 1-1.2} or its path), or a node ({@code /dev/cdc-wdm0},
 * {@code /dev/ttyUSB2}).
 */
public final class SysfsPorts implements ModemPorts {
    /** Tells whether an AT port answers; used only when the profile does not name the AT interface. */
    public interface AtProber {
        boolean answers(String devicePath);
    }

    private final SysfsDiscovery discovery;
    private final ModemProfiles profiles;
    private final Path devRoot;
    private final String deviceSpec;
    private final AtProber prober;
    private String usbName;
    private String probedAt;

    public SysfsPorts(SysfsDiscovery discovery, ModemProfiles profiles, Path devRoot, String deviceSpec, AtProber prober) {
        this.discovery = discovery;
        this.profiles = profiles;
        this.devRoot = devRoot;
        this.deviceSpec = deviceSpec == null || deviceSpec.isBlank() ? "auto" : deviceSpec;
        this.prober = prober;
    }

    /** The modem now, or null. */
    public synchronized UsbModem modem() {
        List<UsbModem> all = discovery.scan();
        UsbModem m = select(all);
        if (m != null && !m.name().equals(usbName)) {
            usbName = m.name();
            probedAt = null;
        }
        return m;
    }

    public ModemProfile profile(UsbModem m) {
        return profiles.forUsbId(m.usbId());
    }

    private UsbModem select(List<UsbModem> all) {
        if (all.isEmpty()) return null;
        String spec = deviceSpec;
        if (spec.equals("auto")) {
            if (usbName != null) for (UsbModem m : all) if (m.name().equals(usbName)) return m;
            return all.get(0);
        }
        String node = spec.startsWith("/dev/") ? spec.substring(5) : null;
        for (UsbModem m : all) {
            if (spec.equals(m.name()) || spec.endsWith("/" + m.name())) return m;
            if (node == null) continue;
            for (UsbInterface i : m.interfaces()) {
                if (node.equals(i.cdcWdm()) || i.ttys().contains(node) || i.netdevs().contains(node)) return m;
            }
        }
        return null;
    }

    @Override
    public synchronized String atPort() {
        UsbModem m = modem();
        if (m == null) return null;
        ModemProfile p = profile(m);
        List<String> candidates = AtPortResolver.candidates(m, p);
        if (candidates.isEmpty()) return null;
        int n = p.atInterface(ProtocolChooser.choose(m, p));
        UsbInterface named = n >= 0 ? m.iface(n) : null;
        if (named != null && named.hasTty()) return node(candidates.get(0));
        if (probedAt != null && candidates.contains(probedAt)) return node(probedAt);
        for (String c : candidates) {
            if (prober != null && prober.answers(node(c))) {
                probedAt = c;
                return node(c);
            }
        }
        return null;
    }

    /** The modem's cdc-wdm node (QMI or MBIM control), or null when it has none (yet). */
    @Override
    public String controlPort() {
        UsbModem m = modem();
        return m == null || m.cdcWdm() == null ? null : node(m.cdcWdm());
    }

    @Override
    public boolean devicePresent() {
        return modem() != null;
    }

    @Override
    public Path usbDevice() {
        UsbModem m = modem();
        return m == null ? null : m.sysfsPath();
    }

    /** The device node of {@code name} (e.g. {@code ttyUSB3} → {@code /dev/ttyUSB3}). */
    public String node(String name) {
        return devRoot.resolve(name).toString();
    }
}

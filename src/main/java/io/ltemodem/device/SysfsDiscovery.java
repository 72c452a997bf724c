package io.ltemodem.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds USB modems by walking sysfs ({@code <root>/bus/usb/devices}), under a configurable root so tests can build
 * fake trees. Read-only and cheap (a few small files per device): it runs again after every hotplug event and
 * whenever a port went missing, so a modem that re-enumerated under new node names is found again.
 */
public final class SysfsDiscovery {
    private static final Logger log = LoggerFactory.getLogger(SysfsDiscovery.class);

    /** Drivers that only modems bind (cdc_ether and cdc_acm also serve other gadgets: they need a known vid:pid). */
    static final Set<String> MODEM_DRIVERS = Set.of("option", "qcserial", "qmi_wwan", "cdc_mbim", "cdc_ncm",
            "huawei_cdc_ncm", "rndis_host", "sierra", "sierra_net", "usb_wwan");

    private final Path sysfsRoot;
    private final ModemProfiles profiles;

    public SysfsDiscovery(Path sysfsRoot, ModemProfiles profiles) {
        this.sysfsRoot = sysfsRoot;
        this.profiles = profiles;
    }

    public Path sysfsRoot() {
        return sysfsRoot;
    }

    /** Every modem present now, ordered by USB path (stable across scans). */
    public List<UsbModem> scan() {
        Path devices = sysfsRoot.resolve("bus/usb/devices");
        List<UsbModem> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(devices)) {
            for (Path dev : ds) {
                String name = dev.getFileName().toString();
                if (name.contains(":") || name.startsWith("usb")) continue; // interfaces and root hubs
                UsbModem m = readDevice(dev, name);
                if (m != null && looksLikeModem(m)) found.add(m);
            }
        } catch (IOException e) {
            log.debug("no USB devices under {}: {}", devices, e.getMessage());
        }
        found.sort(Comparator.comparing(UsbModem::name));
        return found;
    }

    private boolean looksLikeModem(UsbModem m) {
        if (profiles.forUsbId(m.usbId()) != ModemProfile.GENERIC) return true;
        return m.interfaces().stream().anyMatch(i -> i.driver() != null && MODEM_DRIVERS.contains(i.driver()));
    }

    private UsbModem readDevice(Path dev, String name) {
        String vid = read(dev.resolve("idVendor"));
        String pid = read(dev.resolve("idProduct"));
        if (vid == null || pid == null) return null;
        List<UsbInterface> ifaces = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dev, name + ":*")) {
            for (Path itf : ds) {
                UsbInterface i = readInterface(itf);
                if (i != null) ifaces.add(i);
            }
        } catch (IOException e) {
            return null; // vanished while we looked: the next scan will tell
        }
        ifaces.sort(Comparator.comparingInt(UsbInterface::number));
        return new UsbModem(dev, name, vid, pid, read(dev.resolve("manufacturer")), read(dev.resolve("product")), ifaces);
    }

    private UsbInterface readInterface(Path itf) {
        String num = read(itf.resolve("bInterfaceNumber"));
        if (num == null) return null;
        int number;
        try {
            number = Integer.parseInt(num, 16);
        } catch (NumberFormatException e) {
            return null;
        }
        String driver = null;
        try {
            Path link = itf.resolve("driver");
            if (Files.exists(link)) driver = Files.isSymbolicLink(link)
                    ? Files.readSymbolicLink(link).getFileName().toString()
                    : read(link.resolve("name"));
        } catch (IOException e) {
            driver = null;
        }
        List<String> ttys = new ArrayList<>(children(itf, "ttyUSB"));
        ttys.addAll(children(itf.resolve("tty"), "tty"));
        List<String> wdm = children(itf.resolve("usbmisc"), "cdc-wdm");
        List<String> net = children(itf.resolve("net"), "");
        return new UsbInterface(number, read(itf.resolve("bInterfaceClass")), read(itf.resolve("bInterfaceSubClass")),
                read(itf.resolve("bInterfaceProtocol")), driver, ttys, wdm.isEmpty() ? null : wdm.get(0), net);
    }

    private static List<String> children(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}

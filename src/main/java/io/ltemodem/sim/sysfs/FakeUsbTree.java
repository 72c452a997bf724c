package io.ltemodem.sim.sysfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds a fake sysfs USB tree under a temporary root, shaped like the kernel's: {@code bus/usb/devices/<dev>}
 * with idVendor/idProduct/authorized, interface directories {@code <dev>:1.<n>} with bInterfaceNumber, class
 * triple, a {@code driver} symlink and the nodes (ttyUSBn, tty/ttyACMn, usbmisc/cdc-wdmN, net/wwanN).
 * The simulator uses it to make a modem vanish and reappear, as re-enumeration does.
 */
public final class FakeUsbTree {
    private final Path root;

    public FakeUsbTree(Path root) {
        this.root = root;
        mkdirs(root.resolve("bus/usb/devices"));
        mkdirs(root.resolve("bus/usb/drivers"));
    }

    public Path root() {
        return root;
    }

    public DeviceBuilder device(String name, String vid, String pid) {
        Path dev = root.resolve("bus/usb/devices").resolve(name);
        mkdirs(dev);
        write(dev.resolve("idVendor"), vid);
        write(dev.resolve("idProduct"), pid);
        write(dev.resolve("authorized"), "1");
        return new DeviceBuilder(dev, name);
    }

    /** Removes a device and its interfaces (it was unplugged, or is re-enumerating). */
    public void remove(String name) {
        Path devices = root.resolve("bus/usb/devices");
        try (Stream<Path> s = Files.list(devices)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals(name)).toList()) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String name) {
        return Files.isDirectory(root.resolve("bus/usb/devices").resolve(name));
    }

    public final class DeviceBuilder {
        private final Path dev;
        private final String name;

        private DeviceBuilder(Path dev, String name) {
            this.dev = dev;
            this.name = name;
        }

        public Path path() {
            return dev;
        }

        public DeviceBuilder strings(String manufacturer, String product) {
            write(dev.resolve("manufacturer"), manufacturer);
            write(dev.resolve("product"), product);
            return this;
        }

        /**
         * An interface; {@code nodes} are ttyUSBn, ttyACMn, cdc-wdmN or network device names (anything else).
         */
        public DeviceBuilder iface(int number, String cls, String sub, String proto, String driver, String... nodes) {
            // Interfaces are children of the device directory, as in the kernel's tree.
            Path itf = dev.resolve(name + ":1." + number);
            mkdirs(itf);
            write(itf.resolve("bInterfaceNumber"), String.format("%02x", number));
            write(itf.resolve("bInterfaceClass"), cls);
            write(itf.resolve("bInterfaceSubClass"), sub);
            write(itf.resolve("bInterfaceProtocol"), proto);
            if (driver != null) {
                Path drv = root.resolve("bus/usb/drivers").resolve(driver);
                mkdirs(drv);
                try {
                    Files.createSymbolicLink(itf.resolve("driver"), drv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (String n : nodes) {
                if (n.startsWith("ttyUSB")) mkdirs(itf.resolve(n));
                else if (n.startsWith("tty")) mkdirs(itf.resolve("tty").resolve(n));
                else if (n.startsWith("cdc-wdm")) mkdirs(itf.resolve("usbmisc").resolve(n));
                else {
                    Path net = itf.resolve("net").resolve(n);
                    mkdirs(net);
                    if ("qmi_wwan".equals(driver)) {
                        mkdirs(net.resolve("qmi"));
                        write(net.resolve("qmi/raw_ip"), "N");
                    }
                    write(net.resolve("operstate"), "down");
                }
            }
            return this;
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String v) {
        try {
            Files.writeString(p, v + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}

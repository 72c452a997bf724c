package io.ltemodem.dataplane.link;

import io.ltemodem.model.HostLink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The host side of a data path as sysfs shows it, read afresh on every call (after a re-enumeration the netdev may
 * be gone or back): present, administratively up ({@code flags} IFF_UP), {@code operstate} and {@code carrier}.
 * The directory is {@code <root>/class/net/<dev>}, or the netdev under the USB device tree as the fake trees in
 * tests have it. Reads only: bringing links up and down is netifd's business.
 */
public final class SysfsNetdev {
    private static final int IFF_UP = 0x1;

    private final Path sysfsRoot;
    private final String name;

    /**
     * @param sysfsRoot {@code /sys}, or a fake tree's root
     * @param name      the netdev, e.g. {@code wwan0}, {@code eth1}, {@code usb0}
     */
    public SysfsNetdev(Path sysfsRoot, String name) {
        this.sysfsRoot = sysfsRoot;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The netdev's sysfs directory now, or null when it does not exist. */
    public Path dir() {
        Path byClass = sysfsRoot.resolve("class/net").resolve(name);
        if (Files.isDirectory(byClass)) return byClass;
        Path devices = sysfsRoot.resolve("bus/usb/devices");
        if (!Files.isDirectory(devices)) return null;
        try (DirectoryStream<Path> devs = Files.newDirectoryStream(devices)) {
            for (Path dev : devs) {
                if (!Files.isDirectory(dev)) continue;
                try (DirectoryStream<Path> ifaces = Files.newDirectoryStream(dev)) {
                    for (Path itf : ifaces) {
                        Path n = itf.resolve("net").resolve(name);
                        if (Files.isDirectory(n)) return n;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    public boolean present() {
        return dir() != null;
    }

    /**
     * Administratively up: IFF_UP in {@code flags}; without a readable flags file, an {@code operstate} other than
     * down/notpresent counts as up.
     */
    public boolean up() {
        Path d = dir();
        if (d == null) return false;
        String flags = read(d.resolve("flags"));
        if (flags != null) {
            try {
                return (Long.decode(flags) & IFF_UP) != 0;
            } catch (NumberFormatException e) {
                // fall through to operstate
            }
        }
        String op = operstate();
        return op != null && !op.equals("down") && !op.equals("notpresent");
    }

    /** {@code operstate} in lower case ({@code up}, {@code down}, {@code unknown}, {@code dormant}, ...), or null. */
    public String operstate() {
        Path d = dir();
        String op = d == null ? null : read(d.resolve("operstate"));
        return op == null ? null : op.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code carrier}: true/false, or null when unknown (no netdev, or a netdev that is down: the kernel refuses to
     * read carrier then, with EINVAL).
     */
    public Boolean carrier() {
        Path d = dir();
        String c = d == null ? null : read(d.resolve("carrier"));
        if ("1".equals(c)) return Boolean.TRUE;
        if ("0".equals(c)) return Boolean.FALSE;
        return null;
    }

    /** The link as the snapshot keeps it ({@code rawIp} n/a outside qmi_wwan). */
    public HostLink hostLink() {
        Path d = dir();
        if (d == null) return new HostLink(name, false, false, null);
        return new HostLink(name, true, up(), null);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}

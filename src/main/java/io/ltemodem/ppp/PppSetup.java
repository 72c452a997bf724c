package io.ltemodem.ppp;

import java.nio.file.Path;

/**
 * Where PPP runs for one interface: the programs, a private run directory for the generated files (options with the
 * secrets, chat script, ip-up/ip-down hooks and the state they write), the AT/PPP tty, the PPP interface name and the
 * deadlines.
 *
 * @param pppd             {@code /usr/sbin/pppd}
 * @param chat             {@code /usr/sbin/chat}
 * @param runDir           e.g. {@code /var/run/ltemodem/ppp-wwan}; created 0700, files inside 0600/0700
 * @param tty              the modem's data port, e.g. {@code /dev/ttyUSB3} (not the port the AT probe uses)
 * @param ifname           the PPP netdev, e.g. {@code 3g-wwan} (OpenWrt's naming)
 * @param sysfsRoot        {@code /sys}: where the PPP netdev is looked up
 * @param connectTimeoutMs how long {@code start} waits for the link to come up (or pppd to give up)
 * @param stopGraceMs      how long pppd may take to hang up after SIGTERM before it is killed
 */
public record PppSetup(Path pppd, Path chat, Path runDir, String tty, String ifname, Path sysfsRoot,
                       long connectTimeoutMs, long stopGraceMs) {
    public PppSetup {
        if (connectTimeoutMs <= 0 || stopGraceMs <= 0) throw new IllegalArgumentException("deadlines must be > 0");
        if (ifname == null || !ifname.matches("[A-Za-z0-9_.-]{1,15}")) throw new IllegalArgumentException("bad interface name: " + ifname);
    }

    /** The OpenWrt defaults for interface {@code name} on {@code tty}. */
    public static PppSetup openWrt(String name, String tty) {
        return openWrt(name, tty, Path.of("/sys"));
    }

    /** The OpenWrt defaults, with the PPP netdev looked up under {@code sysfsRoot}. */
    public static PppSetup openWrt(String name, String tty, Path sysfsRoot) {
        return new PppSetup(Path.of("/usr/sbin/pppd"), Path.of("/usr/sbin/chat"), Path.of("/var/run/ltemodem/ppp-" + name),
                tty, "3g-" + name, sysfsRoot, 60_000, 5_000);
    }

    /** How the daemon makes the setup of a modem it found: the OpenWrt defaults, or a test's stand-ins. */
    @FunctionalInterface
    public interface Factory {
        PppSetup of(String name, String tty, Path sysfsRoot);
    }
}

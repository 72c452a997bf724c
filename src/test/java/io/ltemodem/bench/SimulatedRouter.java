package io.ltemodem.bench;

import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import io.ltemodem.sys.Clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a daemon under test sees of a router, built in this (the benchmark's) JVM: a fake sysfs tree with a Quectel
 * EC25 (QMI composition), a dev root where {@code ttyUSB2} links to the pty of a simulated EC25 running in real
 * time, the UCI files ({@code network} with one {@code proto 'ltemodem'} interface, {@code ltemodem} pointing
 * {@code sysfs_root} at the fake tree), and optionally a private ubusd. The daemon runs in another process and
 * finds the modem exactly as on a router.
 */
final class SimulatedRouter implements AutoCloseable {
    final Path dir;
    final Path sysfs;
    final Path dev;
    final Path config;
    final Path socket;
    final SimModem sim;
    private final Process ubusd;

    /**
     * @param ubusPrefix an OpenWrt prefix with {@code sbin/ubusd}, or null for none
     */
    SimulatedRouter(Path dir, Path ubusPrefix, long bootMillis) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        sysfs = dir.resolve("sys");
        dev = Files.createDirectories(dir.resolve("dev"));
        config = Files.createDirectories(dir.resolve("config"));
        FakeUsbTree usb = new FakeUsbTree(sysfs);
        usb.device("1-1", "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "00", "00", "option", "ttyUSB3")
                .iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        Files.writeString(config.resolve("network"), """
                config interface 'loopback'
                	option device 'lo'
                	option proto 'static'

                config interface 'wwan'
                	option proto 'ltemodem'
                	option apn 'internet'
                	option protocol 'at'
                """);
        // Defaults otherwise (poll_interval 10 s, no watchdog hosts), as /etc/config/ltemodem ships.
        // Experiments: -Dltemodem.bench.pollInterval=60 (seconds) changes option poll_interval.
        String poll = System.getProperty("ltemodem.bench.pollInterval");
        Files.writeString(config.resolve("ltemodem"), "config ltemodem 'main'\n\toption sysfs_root '" + sysfs + "'\n"
                + (poll == null ? "" : "\toption poll_interval '" + poll + "'\n"));
        sim = SimModem.builder().persona("quectel-ec25").clock(Clock.SYSTEM).bootMillis(bootMillis)
                .registrationDelayMillis(0).portLink(dev.resolve("ttyUSB2")).seed(1).build().start();
        if (ubusPrefix != null) {
            socket = dir.resolve("ubus.sock");
            ubusd = startUbusd(ubusPrefix, socket);
        } else {
            socket = null;
            ubusd = null;
        }
    }

    private static Process startUbusd(Path prefix, Path socket) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(prefix.resolve("sbin/ubusd").toString(), "-s", socket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LD_LIBRARY_PATH", prefix.resolve("lib").toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("ubusd did not create " + socket);
            }
            Thread.sleep(5);
        }
        return p;
    }

    @Override
    public void close() {
        try {
            sim.close();
        } finally {
            if (ubusd != null) {
                ubusd.destroy();
                try {
                    if (!ubusd.waitFor(3, TimeUnit.SECONDS)) ubusd.destroyForcibly();
                } catch (InterruptedException e) {
                    ubusd.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            BenchRuntime.deleteTree(dir);
        }
    }
}

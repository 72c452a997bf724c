package io.ltemodem.daemon;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production wiring ({@link SysfsModemFactory}) on a fake sysfs tree under a temporary directory, with a
 * {@code dev} root where the simulated ports are linked as the kernel's nodes would be, on a 10x clock; what a test
 * starts in it is closed with it (daemon first, then every child process, then the simulators).
 */
final class SysfsRig implements AutoCloseable {
    static final long REAL_MS = 30_000;

    final ScaledClock clock = new ScaledClock(10);
    final ProcessRunner runner = new ProcessRunner();
    final Path dir;
    final Path sys;
    final Path dev;
    final FakeUsbTree tree;
    Daemon daemon;
    private final List<AutoCloseable> closing = new ArrayList<>();

    SysfsRig(Path dir) throws IOException {
        this.dir = dir;
        this.sys = dir.resolve("sys");
        this.dev = Files.createDirectories(dir.resolve("dev"));
        this.tree = new FakeUsbTree(sys);
    }

    static EngineTimings timings() {
        return new EngineTimings(5_000, 1_000, 5_000, 60_000, 30_000, 120_000, 60_000, 60_000, 20_000, 30_000,
                60_000, 30_000, 90_000, 2_000, 100);
    }

    SimModem.Builder modem(String persona) {
        return SimModem.builder().persona(persona).clock(clock).seed(3);
    }

    /** Closed with the rig, after the daemon. */
    <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    /** A started daemon over one modem whose configuration {@code want} gives at each (re)load. */
    Daemon start(Supplier<ModemConfig> want, HostTools tools) {
        DaemonConfig cfg = DaemonConfig.defaults().withSysfsRoot(sys).withStateDir(dir.resolve("state")).withPollInterval(5_000);
        SysfsModemFactory factory = new SysfsModemFactory(clock, dev, ModemProfiles.load(), runner, timings(), tools);
        daemon = new Daemon(() -> new ConfigSource.Loaded(cfg, List.of(want.get()), List.of()), factory);
        assertEquals(List.of(), daemon.start());
        return daemon;
    }

    ModemStatus await(Predicate<ModemStatus> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + REAL_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            ModemStatus s = daemon.status("wwan");
            if (p.test(s)) return s;
            Thread.sleep(10);
        }
        ModemStatus s = daemon.status("wwan");
        throw new AssertionError("not " + what + " within " + REAL_MS + " ms; now " + s.state() + " (" + s.lastError() + ")");
    }

    /** Stops the daemon now (its children with it); the simulators stay for the test to look at. */
    void stopDaemon() {
        if (daemon != null) daemon.close();
        daemon = null;
    }

    @Override
    public void close() throws Exception {
        stopDaemon();
        runner.killAll();
        for (int i = closing.size() - 1; i >= 0; i--) closing.get(i).close();
    }
}

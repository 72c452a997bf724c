package io.ltemodem.bench;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.simulated.SimModemFactory;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ScaledClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** One daemon reconciler and one simulated modem on a fast shared clock, for the benchmarks. */
final class BenchRig implements AutoCloseable {
    final ScaledClock clock;
    final SimModem sim;
    final Reconciler reconciler;
    private final Reconciler.Parts parts;
    /** Modem time of the last "firmware ready" (boot complete), or -1. */
    volatile long readyAt = -1;

    BenchRig(double factor, SimModem.Builder modem, Path dir) throws Exception {
        clock = new ScaledClock(factor);
        sim = modem.clock(clock).build().start();
        sim.model().addListener(e -> {
            if (e instanceof ModemEvent.Booted) readyAt = clock.millis();
        });
        Path usb = Files.createDirectories(dir.resolve("usb"));
        ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");
        DaemonConfig daemon = DaemonConfig.defaults().withStateDir(dir.resolve("state"));
        parts = new SimModemFactory(clock, sim, EngineTimings.defaults(), usb, java.time.Clock.systemUTC()).create(want, daemon);
        reconciler = new Reconciler("wwan", want, Reconciler.DaemonSettings.from(daemon), parts);
        reconciler.start();
    }

    boolean online() {
        return reconciler.status().state().kind() == StateKind.ONLINE;
    }

    /** Waits for a fact with a real-time bound; returns the modem time it became true, or -1. */
    long until(BooleanSupplier fact, long realMs) throws InterruptedException {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (fact.getAsBoolean()) return clock.millis();
            Thread.sleep(1);
        }
        return -1;
    }

    @Override
    public void close() {
        reconciler.close();
        parts.channel().close();
        sim.close();
    }
}

package io.ltemodem.bench;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.simulated.SimModemFactory;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ScaledClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** One daemon reconciler and one simulated modem on a shared (possibly scaled) clock, for the benchmarks. */
final class BenchRig implements AutoCloseable {
    final Clock clock;
    final SimModem sim;
    final Reconciler reconciler;
    private final Reconciler.Parts parts;
    /** Modem time of the last "firmware ready" (boot complete), or -1. */
    volatile long readyAt = -1;
    /** With a {@link FastForwardClock}: switch it to real time at the next "firmware ready". */
    volatile boolean slowAtReady;
    /** Every state change, with its modem time. */
    final List<StateEvent> events = new CopyOnWriteArrayList<>();

    BenchRig(double factor, SimModem.Builder modem, Path dir) throws Exception {
        this(factor, modem, dir, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * @param daemonSettings changes the daemon settings (the defaults, with a private state directory)
     * @param wiring         changes the parts the simulated-modem factory made (e.g. wraps the data-path check)
     */
    BenchRig(double factor, SimModem.Builder modem, Path dir, UnaryOperator<DaemonConfig> daemonSettings,
             UnaryOperator<Reconciler.Parts> wiring) throws Exception {
        this(new ScaledClock(factor), modem, dir, daemonSettings, wiring);
    }

    BenchRig(Clock clock, SimModem.Builder modem, Path dir, UnaryOperator<DaemonConfig> daemonSettings,
             UnaryOperator<Reconciler.Parts> wiring) throws Exception {
        this.clock = clock;
        sim = modem.clock(clock).build().start();
        sim.model().addListener(e -> {
            if (e instanceof ModemEvent.Booted) {
                readyAt = clock.millis();
                if (clock instanceof FastForwardClock ff && slowAtReady) ff.setFactor(1);
            }
        });
        Path usb = Files.createDirectories(dir.resolve("usb"));
        ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");
        DaemonConfig daemon = daemonSettings.apply(DaemonConfig.defaults().withStateDir(dir.resolve("state")));
        parts = wiring.apply(new SimModemFactory(clock, sim, EngineTimings.defaults(), usb, java.time.Clock.systemUTC())
                .create(want, daemon));
        reconciler = new Reconciler("wwan", want, Reconciler.DaemonSettings.from(daemon), parts);
        reconciler.addListener(new EngineListener() {
            @Override
            public void onStateChange(StateEvent e) {
                events.add(e);
            }
        });
        reconciler.start();
    }

    boolean online() {
        return reconciler.status().state().kind() == StateKind.ONLINE;
    }

    /** Modem time of the first state change to {@code kind} at or after {@code since}, or -1. */
    long firstEvent(StateKind kind, long since) {
        for (StateEvent e : events) if (e.at() >= since && e.to().kind() == kind) return e.at();
        return -1;
    }

    /** Modem time of the first state change away from ONLINE at or after {@code since}, or -1. */
    long firstLeftOnline(long since) {
        for (StateEvent e : events) {
            if (e.at() >= since && e.from().kind() == StateKind.ONLINE && e.to().kind() != StateKind.ONLINE) return e.at();
        }
        return -1;
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

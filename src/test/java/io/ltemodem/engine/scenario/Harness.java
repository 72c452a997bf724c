package io.ltemodem.engine.scenario;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.simulated.SimBoard;
import io.ltemodem.daemon.simulated.SimModemFactory;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ScaledClock;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.daemon.QmiToolChooser;
import io.ltemodem.qmi.QmicliTool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.function.Predicate;

/**
 * One reconciler against one simulated modem, sharing a clock that runs {@link #FACTOR} times faster than real
 * time, with the path it takes recorded (states and actions) for the assertions.
 */
final class Harness implements AutoCloseable {
    static final double FACTOR = 20;
    /** LTEMODEM_TRACE=1 prints each scenario's timeline. */
    static final boolean TRACE = System.getenv("LTEMODEM_TRACE") != null;

    final ScaledClock clock;
    final List<StateEvent> states = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    final Path dir;
    SimModem sim;
    Reconciler reconciler;
    SimBoard board;
    /** How the simulated modem is wired (over AT alone unless a test says otherwise). */
    UnaryOperator<SimModemFactory> wiring = f -> f;
    private final List<AutoCloseable> closing = new ArrayList<>();

    Harness(Path dir) {
        this(dir, FACTOR);
    }

    /** A faster clock for scenarios that must span an hour of modem time. */
    Harness(Path dir, double factor) {
        this.dir = dir;
        this.clock = new ScaledClock(factor);
    }

    /**
     * Data over the modem's QMI port with the real qmicli ({@code qmiControl}: control too, as for a module without an
     * AT port), behind a fake qmi_wwan netdev; the modem must be built with {@code qmi(true)}.
     */
    Harness overQmi(ProcessRunner runner, QmiTimeouts timeouts, boolean qmiControl) {
        Path qmicli = RealQmicli.require();
        FakeUsbTree sys = new FakeUsbTree(dir.resolve("sys"));
        sys.device("1-1", "2c7c", "0125").iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        QmiNetdev netdev = new QmiNetdev(sys.root(), "wwan0", n -> true);
        QmiToolChooser tools =
                device -> new QmicliTool(qmicli.toString(), device, false, runner, timeouts);
        wiring = f -> f.withQmi(tools, netdev, qmiControl);
        return this;
    }

    SimModem.Builder modem(String persona) {
        return SimModem.builder().persona(persona).clock(clock).seed(7);
    }

    /** The defaults, with a shorter parked poll so "nothing more happens" checks see several cycles. */
    static EngineTimings timings() {
        return new EngineTimings(5_000, 1_000, 5_000,
                60_000, 30_000, 120_000, 60_000,
                60_000, 20_000, 30_000, 60_000,
                30_000, 90_000, 2_000, 100);
    }

    DaemonConfig daemon() {
        return DaemonConfig.defaults().withStateDir(dir.resolve("state")).withPollInterval(5_000)
                .withGpioPower(dir.resolve("gpio-value").toString());
    }

    Harness start(SimModem.Builder b, ModemConfig want) throws Exception {
        return start(b, want, daemon());
    }

    Harness start(SimModem.Builder b, ModemConfig want, DaemonConfig daemon) throws Exception {
        return start(b, want, daemon, null);
    }

    /** {@code before} runs on the started simulator before the reconciler starts (e.g. bring it online first). */
    Harness start(SimModem.Builder b, ModemConfig want, DaemonConfig daemon, SimSetup before) throws Exception {
        sim = b.build().start();
        closing.add(sim);
        if (before != null) before.run(sim);
        Path usb = dir.resolve("usb/1-1");
        Files.createDirectories(usb);
        board = new SimBoard(sim, Path.of(daemon.gpioPower()), usb.resolve("authorized"));
        closing.add(0, board);
        Reconciler.Parts parts = wiring.apply(new SimModemFactory(clock, sim, timings(), usb, java.time.Clock.systemUTC()))
                .create(want, daemon);
        closing.add(0, parts.channel());
        closing.add(0, parts.drivers());
        reconciler = new Reconciler(want.name(), want, Reconciler.DaemonSettings.from(daemon), parts);
        closing.add(0, reconciler);
        reconciler.addListener(new EngineListener() {
            @Override
            public void onStateChange(StateEvent e) {
                states.add(e);
                if (TRACE) System.err.printf("%8.1f %-24s %s%n", e.at() / 1000.0, e.to(), e.reason());
            }

            @Override
            public void onAction(String modem, String action, String reason, long at) {
                actions.add(action);
                if (TRACE) System.err.printf("%8.1f %-24s action %s (%s)%n", at / 1000.0, "", action, reason);
            }
        });
        reconciler.start();
        return this;
    }

    interface SimSetup {
        void run(SimModem sim) throws Exception;
    }

    /** Waits (real time) until the reconciler reports {@code kind}; fails with the path taken otherwise. */
    void await(StateKind kind, long realMs) throws InterruptedException {
        await(s -> s == kind, kind.name(), realMs);
    }

    void await(Predicate<StateKind> p, String what, long realMs) throws InterruptedException {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (p.test(reconciler.status().state().kind())) return;
            Thread.sleep(5);
        }
        throw new AssertionError("not " + what + " within " + realMs + " ms; now " + reconciler.status().state()
                + "\nstates: " + path() + "\nactions: " + actions);
    }

    /** Waits (real time) until the path taken includes {@code state}, e.g. {@code RECOVERING(2)}. */
    void awaitVisited(String state, long realMs) throws InterruptedException {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (path().contains(state)) return;
            Thread.sleep(5);
        }
        throw new AssertionError("never " + state + " within " + realMs + " ms\nstates: " + path() + "\nactions: " + actions);
    }

    /** Lets modem time pass (for "nothing more happens" checks). */
    void pass(long modemMs) throws InterruptedException {
        clock.sleep(modemMs);
    }

    /** The states visited, in order, e.g. [ENUMERATING, LOCKED(pin), ..., ONLINE]. */
    List<String> path() {
        List<String> out = new ArrayList<>();
        for (StateEvent e : states) out.add(e.to().toString());
        return out;
    }

    /** Waits on the simulator's clock until {@code fact} holds; fails after {@code modemMs}. */
    void awaitSim(java.util.function.BooleanSupplier fact, long modemMs) throws InterruptedException {
        long until = clock.millis() + modemMs;
        while (!fact.getAsBoolean()) {
            if (clock.millis() > until) throw new AssertionError("simulator never got there");
            Thread.sleep(2);
        }
    }

    long count(String actionPrefix) {
        return actions.stream().filter(a -> a.startsWith(actionPrefix)).count();
    }

    /** Modem time since start, in seconds, of the first time {@code kind} was reached. */
    double firstAt(StateKind kind) {
        long t0 = states.isEmpty() ? 0 : states.get(0).at();
        for (StateEvent e : states) if (e.to().kind() == kind) return (e.at() - t0) / 1000.0;
        return -1;
    }

    /** Stops the engine side (reconciler, drivers, port, board); the simulator stays for the test to inspect. */
    void stopEngine() throws Exception {
        while (closing.size() > 1 && closing.get(closing.size() - 1) == sim) closing.remove(0).close();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closing) c.close();
        closing.clear();
    }
}

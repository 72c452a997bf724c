package io.ltemodem.daemon.simulated;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.ConfigSource;
import io.ltemodem.daemon.QmiToolChooser;
import io.ltemodem.daemon.Daemon;
import io.ltemodem.daemon.Timeline;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Signal;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.Scenario;
import io.ltemodem.sim.ScenarioRun;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code make run}: the daemon against a simulated Quectel EC25 that starts in an unknown state (SIM PIN required,
 * radio off, still booting). It shows the modem reach online, then injects faults — the network drops the data
 * session, then the firmware hangs — and shows each recovery, as a timeline in modem time.
 *
 * <p>{@code --protocol qmi}: the EC25 in its QMI composition, the data session through the real {@code qmicli}
 * (or {@code uqmi}) on the modem's QMI port while control stays on its AT port.
 */
public final class Demo {
    private static final long STAGE_REAL_MS = 60_000;

    private final PrintStream out;
    private final ScaledClock clock;
    private final Path dir;
    private final boolean qmi;
    private final ProcessRunner runner = new ProcessRunner();
    private SimModem sim;
    private Daemon daemon;
    private Timeline timeline;

    private Demo(PrintStream out, double speed, Path dir, boolean qmi) {
        this.out = out;
        this.clock = new ScaledClock(speed);
        this.dir = dir;
        this.qmi = qmi;
    }

    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        String scenario = option(args, "--scenario");
        String speedArg = option(args, "--speed");
        double speed;
        try {
            speed = speedArg == null ? 10 : Double.parseDouble(speedArg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed: not a number: " + speedArg);
        }
        String protocol = option(args, "--protocol");
        if (protocol != null && !protocol.equals("at") && !protocol.equals("qmi")) {
            throw new IllegalArgumentException("--protocol: at or qmi, not " + protocol);
        }
        boolean qmi = "qmi".equals(protocol);
        if (qmi && QmiToolChooser.installed(new ProcessRunner(), QmiTimeouts.DEFAULTS).on("/dev/null") == null) {
            out.println(QmiToolChooser.NOT_INSTALLED + " (Debian: apt-get install libqmi-utils).");
            return 2;
        }
        Path dir = Files.createTempDirectory("ltemodem-demo");
        Demo d = new Demo(out, speed, dir, qmi);
        try {
            return d.play(scenario == null ? null : Scenario.load(Path.of(scenario)));
        } finally {
            d.close();
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0) return null;
        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        return args.get(i + 1);
    }

    private int play(Scenario scenario) throws IOException, InterruptedException {
        out.printf("ltemodem demo: a simulated Quectel EC25 on a pseudo-terminal, SIM PIN required, radio off.%n");
        if (qmi) out.printf("Control over its AT port, the data session over its QMI port through the real QMI tool.%n");
        out.printf("Times are modem time; the simulation runs %.0fx faster than real time.%n%n", clock.factor());
        sim = SimModem.builder().persona("quectel-ec25").clock(clock).simState(SimCardState.PIN).pin("1234").radio(0)
                .qmi(qmi).seed(1).build().start();
        Path usb = Files.createDirectories(dir.resolve("sys/bus/usb/devices/1-1"));
        Path gpio = dir.resolve("gpio-modem-power");
        SimBoard board = new SimBoard(sim, gpio, usb.resolve("authorized"));
        ModemConfig want = ModemConfig.defaults("wwan").withApn("internet").withPin("1234");
        DaemonConfig cfg = DaemonConfig.defaults().withStateDir(dir.resolve("state")).withGpioPower(gpio.toString());
        ConfigSource source = () -> new ConfigSource.Loaded(cfg, List.of(want), List.of());
        SimModemFactory factory = new SimModemFactory(clock, sim, EngineTimings.defaults(), usb, java.time.Clock.systemDefaultZone());
        if (qmi) factory = factory.withQmi(QmiToolChooser.installed(runner, QmiTimeouts.DEFAULTS), null, false);
        daemon = new Daemon(source, factory);
        timeline = new Timeline(out, clock);
        daemon.addListener(timeline);
        try (board) {
            daemon.start();
            if (!await(k -> k == StateKind.ONLINE, "online")) return 1;
            describe(daemon.status("wwan"));
            if (scenario != null) return playScenario(scenario);

            out.println();
            timeline.note("wwan", "FAULT: the network deactivates the data session (+CGEV: NW DEACT)");
            sim.faults().networkDeactivatesContext(1);
            if (!await(k -> k != StateKind.ONLINE, "the loss seen") || !await(k -> k == StateKind.ONLINE, "online again")) return 1;

            out.println();
            timeline.note("wwan", "FAULT: the modem firmware hangs (the AT port stops answering)");
            sim.faults().silenceUntilCleared();
            if (!await(k -> k != StateKind.ONLINE, "the hang seen") || !await(k -> k == StateKind.ONLINE, "online again")) return 1;
            describe(daemon.status("wwan"));
            out.printf("%nDone: online, recovered from both faults; %d recovery step(s); the PIN was sent %d time(s),"
                    + " once per SIM power-up.%n",
                    daemon.status("wwan").attempts(), sim.pinAttempts());
            return 0;
        }
    }

    private int playScenario(Scenario scenario) throws InterruptedException {
        timeline.note("wwan", "playing scenario '" + scenario.name() + "'");
        ScenarioRun run = sim.play(scenario);
        run.awaitDone(Long.MAX_VALUE / 4);
        boolean online = await(k -> k == StateKind.ONLINE, "online after the scenario");
        describe(daemon.status("wwan"));
        return online ? 0 : 1;
    }

    private boolean await(Predicate<StateKind> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STAGE_REAL_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (p.test(daemon.status("wwan").state().kind())) return true;
            Thread.sleep(5);
        }
        out.printf("FAILED: not %s within %d s; now %s%n", what, STAGE_REAL_MS / 1000, daemon.status("wwan").state());
        return false;
    }

    private void describe(ModemStatus s) {
        Snapshot snap = s.snapshot();
        StringBuilder b = new StringBuilder("  ");
        snap.identity().map(i -> i.manufacturer() + " " + i.model() + " (IMEI " + i.imei() + ")")
                .map(v -> b.append(v).append(", ")).value();
        snap.operator().map(o -> "operator " + o.name()).map(v -> b.append(v).append(", ")).value();
        Signal sig = snap.signal().value();
        if (sig != null) b.append("signal ").append(sig.bars()).append("/5 (RSRP ").append(sig.rsrp()).append(" dBm), ");
        IpConfig ip = snap.ipConfig().value();
        if (ip != null && ip.ipv4() != null) b.append("IPv4 ").append(ip.ipv4().address()).append('/').append(ip.ipv4().prefix());
        if (ip != null && ip.ipv6() != null) b.append(", IPv6 ").append(ip.ipv6().address());
        out.println(b);
    }

    private void close() {
        if (daemon != null) daemon.close();
        runner.killAll();
        if (sim != null) sim.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}

package io.ltemodem.engine.scenario;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.model.StateKind;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.qmi.QmiServices;
import io.ltemodem.sys.Leaks;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code make soak}: random faults, seeded, injected into an online modem for a bounded time — half of it over AT, half
 * with the data on QMI through the real qmicli — with invariants watched throughout:
 * <ul>
 *   <li>never more than one data session on the modem;</li>
 *   <li>never a state that asks for a person (no injected fault needs one), never the give-up level (L6);</li>
 *   <li>back on line within a bound after every fault;</li>
 *   <li>at the end: no child process or fd left, every QMI client id given back.</li>
 * </ul>
 * It ends with a summary (also in {@code target/soak-summary.txt}): faults injected and recovered, how many took the
 * modem off line and how long they took to recover (p50/p99, modem time), invariant violations and leaks. {@code -Dltemodem.soak.seconds=N} (default 240) and
 * {@code -Dltemodem.soak.seed=N} (default 1) set its length and its faults.
 */
@Tag("soak")
class ReconcilerSoak {
    private static final long BACK_ONLINE_MODEM_MS = 900_000;
    /** The stable period of the soak's ladder, and how long the modem stays on line before the next fault. */
    private static final long STABLE_MS = 20_000;

    @TempDir
    Path dir;

    private record Fault(String name, Harness.SimSetup inject) {
    }

    /** {@code offlineMs}: modem time from the injection to online again, or -1 when the modem never left online. */
    private record Recovery(String fault, long offlineMs) {
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault("network deactivates the context", sim -> sim.faults().networkDeactivatesContext(1)),
            new Fault("bearer up, IP lost", sim -> sim.faults().ipLost(1)),
            new Fault("registration lost 20 s", sim -> sim.faults().registrationLost(20_000)),
            new Fault("silent port 10 s", sim -> sim.faults().silence(10_000)),
            new Fault("hung firmware", sim -> sim.faults().silenceUntilCleared()),
            new Fault("garbage", sim -> sim.faults().garbage(200)),
            new Fault("URC storm", sim -> sim.faults().urcStorm(300, 0)),
            new Fault("echo on", sim -> sim.faults().echoOn()),
            new Fault("port vanishes 5 s", sim -> sim.faults().portVanishes(5_000)),
            new Fault("spontaneous reboot", sim -> sim.faults().reboot()),
            new Fault("SIM busy 10 s", sim -> sim.faults().simBusy(10_000)));

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Recovery> recoveries = new ArrayList<>();
    private final Map<String, Integer> injected = new TreeMap<>();
    private int recovered;
    private final List<String> leaks = new ArrayList<>();

    @Test
    void randomFaultsWhileOnline() throws Exception {
        long seconds = Long.getLong("ltemodem.soak.seconds", 240);
        long seed = Long.getLong("ltemodem.soak.seed", 1);
        Random random = new Random(seed);
        ProcessRunner runner = new ProcessRunner();
        Leaks.Baseline before = Leaks.now();
        long start = System.nanoTime();
        try {
            run("at", null, seconds / 2, random);
            run("qmi", runner, seconds - seconds / 2, random);
        } finally {
            runner.killAll();
        }
        leaks.addAll(Leaks.since(before, 4, 5_000));
        String summary = summary(seed, (System.nanoTime() - start) / 1_000_000_000L);
        System.out.println(summary);
        Files.writeString(Path.of("target", "soak-summary.txt"), summary);
        assertEquals(List.of(), violations, "invariants broken");
        assertEquals(List.of(), leaks, "leaks");
        assertEquals(injected.values().stream().mapToInt(Integer::intValue).sum(), recovered, "every fault recovered");
    }

    /** One transport's share of the soak: online, then a fault, back online, the next, until the time is up. */
    private void run(String transport, ProcessRunner runner, long seconds, Random random) throws Exception {
        Harness h = new Harness(dir.resolve(transport), transport.equals("at") ? 20 : 10);
        if (runner != null) h.overQmi(runner, new QmiTimeouts(1_500, 4_000, 4_000), false);
        try (h) {
            ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");
            SimModem.Builder modem = h.modem("quectel-ec25").seed(random.nextLong()).qmi(runner != null);
            // Faults come far faster than in any real hour. The reset cap would quarantine the modem, and a fault
            // within the stable period of the last recovery climbs the ladder (escalation with memory, covered by
            // the scenario tests): here each fault comes to a modem that has been stable for STABLE_MS.
            h.start(modem, want, h.daemon().withResetCap(1_000, STABLE_MS));
            Thread watcher = watch(h, transport);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try {
                h.await(StateKind.ONLINE, 60_000);
                while (System.nanoTime() < end && violations.isEmpty()) {
                    Fault f = FAULTS.get(random.nextInt(FAULTS.size()));
                    String name = transport + ": " + f.name();
                    injected.merge(name, 1, Integer::sum);
                    long t0 = h.clock.millis();
                    int seen = h.states.size();
                    f.inject().run(h.sim);
                    h.pass(1_000 + random.nextInt(20_000)); // let it bite, or pass unnoticed
                    try {
                        h.await(StateKind.ONLINE, (long) (BACK_ONLINE_MODEM_MS / h.clock.factor()) + 10_000);
                    } catch (AssertionError e) {
                        violations.add(name + ": not back on line: " + e.getMessage());
                        break;
                    }
                    recovered++;
                    recoveries.add(new Recovery(name, backOnline(h, seen, t0)));
                    h.sim.faults().clearPortFaults(); // a silence the reset did not end
                    h.pass(STABLE_MS + 2_000);
                }
            } finally {
                watcher.interrupt();
                watcher.join(5_000);
            }
            h.stopEngine();
            if (runner != null) {
                for (int service : new int[]{QmiServices.WDS, QmiServices.DMS, QmiServices.NAS, QmiServices.UIM, QmiServices.WDA}) {
                    int inUse = h.sim.qmiPort().simulator() == null ? 0 : h.sim.qmiPort().simulator().cidsInUse(service);
                    if (inUse != 0) leaks.add(transport + ": " + inUse + " client ids of QMI service " + service + " not given back");
                }
            }
        }
    }

    /** When the modem came back on line after leaving it (events from index {@code from} on), or -1: it never left. */
    private static long backOnline(Harness h, int from, long t0) {
        boolean left = false;
        for (int i = from; i < h.states.size(); i++) {
            var e = h.states.get(i);
            if (e.to().kind() != StateKind.ONLINE) left = true;
            else if (left) return e.at() - t0;
        }
        return -1;
    }

    /** Checks the invariants every 10 ms while faults come and go. */
    private Thread watch(Harness h, String transport) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                var st = h.reconciler.status();
                List<Integer> sessions = h.sim.activeContexts();
                if (sessions.size() > 1) violations.add(transport + ": " + sessions.size() + " data sessions: " + sessions);
                if (st.state().kind() == StateKind.NEEDS_USER || st.state().kind() == StateKind.SIM_ABSENT) {
                    violations.add(transport + ": " + st.state() + " (" + st.lastError() + ")");
                }
                if (st.level() == RecoveryLevel.L6_GIVE_UP) violations.add(transport + ": gave up");
                if (violations.size() > 20) return;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-watch-" + transport);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private String summary(long seed, long wallSeconds) {
        List<Long> offline = new ArrayList<>();
        for (Recovery r : recoveries) if (r.offlineMs() >= 0) offline.add(r.offlineMs());
        Collections.sort(offline);
        StringBuilder b = new StringBuilder();
        int total = injected.values().stream().mapToInt(Integer::intValue).sum();
        b.append(String.format(Locale.ROOT, "soak: seed %d, %d s wall%n", seed, wallSeconds));
        b.append(String.format(Locale.ROOT, "faults injected %d, recovered %d%n", total, recovered));
        b.append(String.format(Locale.ROOT, "took the modem off line %d; of those, time to recover (fault to online, modem time):"
                + " p50 %.1f s, p99 %.1f s, max %.1f s%n", offline.size(), pct(offline, 50) / 1000.0, pct(offline, 99) / 1000.0,
                pct(offline, 100) / 1000.0));
        b.append(String.format(Locale.ROOT, "invariant violations %d, leaks %d%s%n", violations.size(), leaks.size(),
                leaks.isEmpty() ? "" : ": " + leaks));
        injected.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %3d × %s%n", v, k)));
        return b.toString();
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

package io.ltemodem.bench;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * P1: recovery overhead after a modem reboot — modem time from "firmware ready" to online, minus nothing else —
 * for ltemodem and for the seed's brute-force sequence (power down, fixed 25 s + 5 s sleeps, start the network)
 * on the same simulator. Prints a table; writes it to bench/out/p1.md for bench/RESULTS.md. Not a test.
 */
@Tag("bench")
class RecoveryOverheadBenchmark {
    private static final double FACTOR = 50;
    private static final long[] BOOTS = {5_000, 15_000, 40_000};
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    private record Row(long boot, List<Long> ours, List<Long> seed, int seedOk, int runs) {
    }

    @Test
    void recoveryOverhead() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (long boot : BOOTS) {
            List<Long> ours = new ArrayList<>();
            List<Long> seed = new ArrayList<>();
            int seedOk = 0;
            for (int i = 0; i < RUNS; i++) {
                ours.add(ltemodem(boot, i));
                long s = seedWay(boot, i);
                if (s >= 0) {
                    seedOk++;
                    seed.add(s);
                }
            }
            rows.add(new Row(boot, ours, seed, seedOk, RUNS));
        }
        StringBuilder t = new StringBuilder();
        t.append("| boot time | ltemodem overhead p50 / max | seed overhead p50 | seed success |\n|---|---|---|---|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %d s | %s / %s | %s | %d/%d |%n", r.boot / 1000, ms(p50(r.ours)),
                    ms(Collections.max(r.ours)), r.seed.isEmpty() ? "–" : ms(p50(r.seed)), r.seedOk, r.runs));
        }
        BenchReport.section("P1 — recovery overhead after a modem reboot (modem time from firmware ready to online)", t.toString(),
                "The network registers at once (delay 0), so only the manager's own time counts. "
                        + "ltemodem: the simulated EC25 reboots by itself; the reconciler follows it. Seed: AT+QPOWD on a board that "
                        + "re-powers the module, sleep 25 s + 5 s, AT+CGACT=1,1; success = the start answered OK. "
                        + RUNS + " runs per boot time, simulation " + (int) FACTOR + "x real time.");
    }

    /** Overhead of ltemodem following a spontaneous reboot, in modem ms. */
    private long ltemodem(long boot, int run) throws Exception {
        try (BenchRig rig = new BenchRig(FACTOR, SimModem.builder().persona("quectel-ec25").bootMillis(boot).registrationDelayMillis(0).seed(run),
                dir.resolve("ours-" + boot + "-" + run))) {
            if (rig.until(rig::online, 60_000) < 0) throw new AssertionError("never online");
            rig.readyAt = -1;
            rig.sim.faults().reboot();
            rig.until(() -> !rig.online(), 30_000);
            long online = rig.until(() -> rig.online() && rig.readyAt >= 0, 60_000);
            if (online < 0) throw new AssertionError("not online after the reboot");
            return online - rig.readyAt;
        }
    }

    /**
     * The seed's sequence on a modem whose board re-powers it: AT+QPOWD, fixed sleeps, then start the network
     * without looking. Returns the overhead (modem ms from ready to a started session), or -1 when the start failed.
     */
    private long seedWay(long boot, int run) throws Exception {
        ScaledClock clock = new ScaledClock(FACTOR);
        try (SimModem sim = SimModem.builder().persona("quectel-ec25").clock(clock).bootMillis(boot).registrationDelayMillis(0).boardRepowers(true)
                .defaultContext("IPV4V6", "internet").seed(run).build().start()) {
            long[] ready = {-1};
            sim.model().addListener(e -> {
                if (e instanceof ModemEvent.Booted) ready[0] = clock.millis();
            });
            String path = sim.atPort().awaitPath(600_000);
            AtChannel ch = AtChannel.serial("seed", clock);
            try {
                ch.open(path);
                awaitOk(ch, clock);
                clock.sleep(10_000); // the seed ran once before: registered, online
                ready[0] = -1;
                ch.send(AtCommand.of("AT+QPOWD=1", 5_000));
                clock.sleep(25_000);
                clock.sleep(5_000);
                String now = sim.currentPath();
                if (now == null) return -1;
                ch.reopen(now);
                AtResult r = ch.send(AtCommand.of("AT+CGACT=1,1", 30_000));
                long at = clock.millis();
                return r.ok() && ready[0] >= 0 ? at - ready[0] : -1;
            } catch (java.io.IOException e) {
                return -1;
            } finally {
                ch.close();
            }
        }
    }

    private static void awaitOk(AtChannel ch, Clock clock) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ch.send(AtCommand.of("AT", 1_000)).ok()) return;
            clock.sleep(500);
        }
    }

    private static long p50(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String ms(long v) {
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000.0) : v + " ms";
    }
}

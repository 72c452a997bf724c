package io.ltemodem.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P3 (RSS idle and after 10,000 {@code status} calls), P4 ({@code status} latency), P5 (idle CPU) and P6 (start
 * to ready) for the daemon in a JVM of its own, under several JVM configurations, the router's among them.
 *
 * <p>Each daemon is {@code ltemodem bench-daemon} from {@code target/ltemodem-router.jar} (the jar the package
 * ships) in a separate JVM; its simulated EC25, fake sysfs tree and private ubusd live here, in the benchmark's
 * JVM, so the daemon's RSS and CPU are its own. The router's flags come from the init script ({@link RouterFlags}).
 * Figures, not assertions. Every wait has a deadline and every child is killed in {@code finally}.
 */
@Tag("bench")
class FootprintBenchmark {
    static final int STATUS_CALLS = Integer.getInteger("ltemodem.bench.statusCalls", 10_000);
    static final long IDLE_MS = Long.getLong("ltemodem.bench.idleMs", 60_000);
    static final int STARTS = Integer.getInteger("ltemodem.bench.starts", 3);
    static final long SIM_BOOT_MS = 2_000;

    /**
     * One JVM configuration. cds: none, dynamic (ArchiveClassesAtExit), static (class list, -Xshare:dump); env: extra
     * environment variables of its JVMs.
     */
    record Config(String name, Path java, List<String> flags, String cds, boolean chosen, Map<String, String> env) {
        Config(String name, Path java, List<String> flags, String cds) {
            this(name, java, flags, cds, false, Map.of());
        }

        Config(String name, Path java, List<String> flags, String cds, boolean chosen) {
            this(name, java, flags, cds, chosen, Map.of());
        }
    }

    private static final class Run {
        final Config config;
        final List<Long> readyMs = new ArrayList<>();
        long onlineMs = -1;
        Map<String, Long> idle;
        Map<String, Long> afterCalls;
        double idleCpuPct = -1;
        String topThreads = "";
        double steadyCpuPct = -1;
        String steadyThreads = "";
        String p4 = "–";
        String ubusRtt = "–";
        String error;
        SimulatedRouter router;
        DaemonProcess daemon;
        List<String> cdsFlags = List.of();
        String cdsNote = "";

        Run(Config c) {
            this.config = c;
        }
    }

    @Test
    void footprint() throws Exception {
        BenchRuntime.requireJars();
        Path work = Files.createDirectories(BenchRuntime.DIR.resolve("footprint"));
        Path natives = BenchRuntime.natives();
        Path scratch = Files.createDirectories(work.resolve("tmp"));
        RouterFlags router = RouterFlags.load(natives, scratch);
        Path prefix = OpenWrt.prefix();
        BenchRuntime.Jlink jlink = BenchRuntime.jlink();

        List<Config> configs = new ArrayList<>();
        configs.add(new Config("JDK 17, default flags", BenchRuntime.systemJava(), List.of(), "none"));
        configs.add(new Config("JDK 17, router flags", BenchRuntime.systemJava(), router.tuning, "none"));
        configs.add(new Config("JDK 17, router flags + dynamic AppCDS", BenchRuntime.systemJava(), router.tuning, "dynamic"));
        configs.add(new Config("JDK 17, router flags + static AppCDS", BenchRuntime.systemJava(), router.tuning, "static"));
        if (jlink.error() == null) {
            configs.add(new Config("jlink runtime + base CDS, router flags + dynamic AppCDS",
                    jlink.homeWithCds().resolve("bin/java"), router.tuning, "dynamic"));
            configs.add(new Config("**jlink runtime, router flags + static AppCDS (the router's setup)**", jlink.java(),
                    router.tuning, "static", true));
        }
        String only = System.getProperty("ltemodem.bench.configs");
        if (only != null) {
            List<Config> keep = new ArrayList<>();
            for (String i : only.split(",")) keep.add(configs.get(Integer.parseInt(i.trim())));
            configs = keep;
        }
        // Experiments side by side, on the router's setup (jlink runtime, static AppCDS), idle in the same window:
        // -Dltemodem.bench.variants="-Xint;-XX:TrimNativeHeapInterval=5000 MALLOC_ARENA_MAX=1" (';' between variants;
        // NAME=value words set environment variables; each variant replaces a router flag with the same name).
        String variants = System.getProperty("ltemodem.bench.variants", "").strip();
        if (!variants.isEmpty() && jlink.error() == null) {
            for (String v : variants.split(";")) {
                List<String> flags = new ArrayList<>(router.tuning);
                Map<String, String> env = new LinkedHashMap<>();
                for (String w : v.strip().split("\\s+")) {
                    if (w.isEmpty()) continue;
                    if (!w.startsWith("-") && w.indexOf('=') > 0) {
                        env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
                        continue;
                    }
                    flags.removeIf(f -> flagName(f).equals(flagName(w)));
                    flags.add(w);
                }
                configs.add(new Config("router setup + `" + v.strip() + "`", jlink.java(), flags, "static", false, env));
            }
        }

        List<Run> runs = new ArrayList<>();
        for (Config c : configs) runs.add(new Run(c));
        try {
            int k = 0;
            for (Run r : runs) {
                try {
                    prepare(r, work.resolve("r" + k++), prefix, router);
                } catch (Exception | AssertionError e) {
                    r.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            // One shared idle window: the daemons are idle together, so the minute is spent once.
            idleWindow(runs, false);
            for (Run r : runs) {
                if (r.error != null) continue;
                try {
                    statusCalls(r, prefix);
                } catch (Exception | AssertionError e) {
                    r.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
            // Once more, warm: the JIT has compiled what the first minute and the status calls ran.
            idleWindow(runs, true);
        } finally {
            for (Run r : runs) {
                if (r.daemon != null) r.daemon.close();
                if (r.router != null) r.router.close();
            }
        }
        report(runs, router, prefix, jlink);
    }

    /** Archive (if the config has one), the timed starts, then the long-running daemon up to online. */
    private void prepare(Run r, Path dir, Path prefix, RouterFlags flags) throws Exception {
        r.router = new SimulatedRouter(dir.resolve("router"), prefix, SIM_BOOT_MS);
        awaitSimPort(r.router);
        if (!r.config.cds().equals("none")) {
            Path jsa = dir.resolve("app.jsa");
            Path classes = dir.resolve("classes.lst");
            boolean dynamic = r.config.cds().equals("dynamic");
            long t0 = System.nanoTime();
            // The training run: the daemon up to online and some status calls, then quit. Dynamic: the JVM writes
            // the archive as it exits. Static: it writes the list of loaded classes, dumped offline afterwards.
            try (DaemonProcess train = spawn(r, flags, List.of(dynamic ? "-XX:ArchiveClassesAtExit=" + jsa
                    : "-XX:DumpLoadedClassList=" + classes))) {
                if (train.await("READY", 30_000) == null) throw new AssertionError("training run not ready: " + train.logTail(20));
                if (train.await("STATE wwan online", 60_000) == null) throw new AssertionError("training run not online: " + train.logTail(20));
                train.send("status 2000");
                if (train.await("STATUS", 60_000) == null) throw new AssertionError("training run: no status");
            }
            long trained = System.nanoTime();
            if (!dynamic) {
                List<String> dump = new ArrayList<>(List.of(r.config.java().toString()));
                dump.addAll(r.config.flags());
                dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + jsa,
                        "-cp", BenchRuntime.ROUTER_JAR.toString()));
                BenchRuntime.Cmd c = BenchRuntime.run(120, dump.toArray(String[]::new));
                if (c.rc() != 0) throw new AssertionError("-Xshare:dump failed: " + c.out());
            }
            if (!Files.isRegularFile(jsa)) throw new AssertionError("no archive written to " + jsa);
            r.cdsFlags = List.of("-XX:SharedArchiveFile=" + jsa);
            r.cdsNote = String.format(Locale.ROOT, "%s archive %.1f MiB, training run %.1f s%s", r.config.cds(),
                    Files.size(jsa) / 1048576.0, (trained - t0) / 1e9,
                    dynamic ? "" : String.format(Locale.ROOT, ", dump %.1f s", (System.nanoTime() - trained) / 1e9));
        }
        for (int i = 0; i < STARTS; i++) {
            DaemonProcess d = spawn(r, flags, r.cdsFlags);
            try {
                DaemonProcess.Line ready = d.await("READY", 30_000);
                if (ready == null) throw new AssertionError("not ready: " + d.logTail(20));
                r.readyMs.add((ready.nanos() - d.spawnNanos) / 1_000_000);
            } finally {
                d.kill();
            }
        }
        r.daemon = spawn(r, flags, r.cdsFlags);
        DaemonProcess.Line ready = r.daemon.await("READY", 30_000);
        if (ready == null) throw new AssertionError("not ready: " + r.daemon.logTail(20));
        if (prefix != null && !ready.text().startsWith("READY ubus")) {
            throw new AssertionError("ubus object not registered: " + ready.text() + "\n" + r.daemon.logTail(20));
        }
        r.readyMs.add((ready.nanos() - r.daemon.spawnNanos) / 1_000_000);
        DaemonProcess.Line online = r.daemon.await("STATE wwan online", 90_000);
        if (online == null) throw new AssertionError("not online: " + r.daemon.logTail(30));
        r.onlineMs = (online.nanos() - r.daemon.spawnNanos) / 1_000_000;
    }

    /** {@code -XX:+UseSerialGC} → {@code UseSerialGC}, {@code -Xss256k} → {@code -Xss}, {@code -XX:Foo=1} → {@code Foo}. */
    static String flagName(String flag) {
        if (flag.startsWith("-XX:")) {
            String n = flag.substring(4);
            if (n.startsWith("+") || n.startsWith("-")) n = n.substring(1);
            int eq = n.indexOf('=');
            return eq >= 0 ? n.substring(0, eq) : n;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(-Xs[sx]|-Xm[sxn]|-X[a-z]+)").matcher(flag);
        return m.find() ? m.group(1) : flag;
    }

    private static void awaitSimPort(SimulatedRouter router) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(router.dev.resolve("ttyUSB2")) && System.nanoTime() < deadline) Thread.sleep(10);
    }

    private DaemonProcess spawn(Run r, RouterFlags flags, List<String> extra) throws java.io.IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(r.config.java().toString());
        cmd.addAll(r.config.flags());
        cmd.addAll(extra);
        // Experiments: -Dltemodem.bench.extraFlags="-XX:NativeMemoryTracking=summary ..." adds flags to every JVM.
        String more = System.getProperty("ltemodem.bench.extraFlags", "").strip();
        if (!more.isEmpty()) cmd.addAll(List.of(more.split("\\s+")));
        cmd.addAll(flags.properties);
        Path prefix = OpenWrt.prefix();
        if (prefix != null) cmd.add("-Dltemodem.openwrt.lib=" + prefix.resolve("lib"));
        cmd.addAll(List.of("-jar", BenchRuntime.ROUTER_JAR.toString(), "bench-daemon",
                "--config-dir", r.router.config.toString(), "--dev-root", r.router.dev.toString()));
        if (r.router.socket != null) cmd.addAll(List.of("--ubus-socket", r.router.socket.toString()));
        // Experiments: -Dltemodem.bench.env=MALLOC_ARENA_MAX=1 sets one environment variable for every JVM.
        String env = System.getProperty("ltemodem.bench.env", "");
        int eq = env.indexOf('=');
        Map<String, String> vars = new LinkedHashMap<>(r.config.env());
        if (eq > 0) vars.put(env.substring(0, eq), env.substring(eq + 1));
        return new DaemonProcess(cmd, vars);
    }

    private void idleWindow(List<Run> runs, boolean steady) throws Exception {
        List<Run> live = new ArrayList<>();
        for (Run r : runs) if (r.error == null && r.daemon != null && r.daemon.process.isAlive()) live.add(r);
        if (live.isEmpty()) return;
        if (!steady) Thread.sleep(5_000); // let the first probe cycles after online settle
        Map<Run, Long> t0 = new LinkedHashMap<>();
        Map<Run, Map<String, long[]>> th0 = new LinkedHashMap<>();
        long w0 = System.nanoTime();
        for (Run r : live) {
            t0.put(r, r.daemon.cpuTicks());
            th0.put(r, r.daemon.threads());
        }
        Thread.sleep(IDLE_MS);
        double seconds = (System.nanoTime() - w0) / 1e9;
        for (Run r : live) {
            long ticks = r.daemon.cpuTicks() - t0.get(r);
            double pct = 100.0 * ticks / DaemonProcess.CLK_TCK / seconds;
            String threads = threadActivity(th0.get(r), r.daemon.threads(), seconds);
            if (steady) {
                r.steadyCpuPct = pct;
                r.steadyThreads = threads;
                continue;
            }
            r.idleCpuPct = pct;
            r.idle = r.daemon.status();
            r.topThreads = threads;
            // Experiments: -Dltemodem.bench.inspect="jcmd {pid} VM.native_memory summary" runs that for every daemon.
            String inspect = System.getProperty("ltemodem.bench.inspect");
            if (inspect != null) {
                String[] c = inspect.replace("{pid}", Long.toString(r.daemon.pid)).split("\\s+");
                System.out.println("== " + r.config.name() + ": " + inspect + "\n" + BenchRuntime.run(60, c).out());
            }
        }
    }

    /** The threads that woke up during the window: name, wake-ups per second, CPU ticks. */
    private static String threadActivity(Map<String, long[]> before, Map<String, long[]> after, double seconds) {
        List<Map.Entry<String, long[]>> d = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] v = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            if (v[1] > 0 || v[0] > 0) d.add(Map.entry(e.getKey(), v));
        }
        d.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : d) {
            out.add(String.format(Locale.ROOT, "%s %.1f/s %dt", e.getKey(), e.getValue()[1] / seconds, e.getValue()[0]));
        }
        return String.join(", ", out);
    }

    private void statusCalls(Run r, Path prefix) throws Exception {
        if (prefix != null && r.router.socket != null) {
            try (UbusBenchClient c = new UbusBenchClient(prefix, r.router.socket, "ltemodem")) {
                UbusBenchClient.Result u = c.status(STATUS_CALLS);
                r.ubusRtt = String.format(Locale.ROOT, "%.0f / %.0f µs%s", u.p50Us(), u.p99Us(),
                        u.failures() > 0 ? " (" + u.failures() + " failed)" : "");
                if (u.replies() != STATUS_CALLS) r.ubusRtt += " (" + u.replies() + " replies)";
            }
        } else {
            r.daemon.send("status " + STATUS_CALLS);
            if (r.daemon.await("STATUS", 120_000) == null) throw new AssertionError("no status answer");
        }
        r.afterCalls = r.daemon.status();
        // P4: server-side, the same dispatcher path the ubus handler runs, warm.
        r.daemon.send("status " + STATUS_CALLS);
        DaemonProcess.Line s = r.daemon.await("STATUS", 120_000);
        if (s == null) throw new AssertionError("no status answer");
        String[] w = s.text().split(" ");
        r.p4 = w[2] + " / " + w[3] + " µs";
    }

    private void summarize(List<Run> runs, Path prefix) {
        Run c = null;
        for (Run r : runs) if (r.config.chosen()) c = r;
        if (c == null) c = runs.get(runs.size() - 1);
        String on = " (" + c.config.name().replace("*", "").replace(" (the router's setup)", "") + ")";
        if (c.idle == null) {
            BenchReport.summary("P3", "footprint" + on, "failed: " + c.error, "", false);
            return;
        }
        double idle = c.idle.get("VmRSS") / 1024.0;
        double after = c.afterCalls == null ? -1 : c.afterCalls.get("VmRSS") / 1024.0;
        BenchReport.summary("P3", "RSS after " + IDLE_MS / 1000 + " s idle / after " + STATUS_CALLS + " status calls"
                        + (prefix == null ? " (in-process)" : " (through ubus)") + on,
                String.format(Locale.ROOT, "%.1f / %.1f MiB", idle, after), "≤ 32 MB", Math.max(idle, after) <= 32);
        String[] p4 = c.p4.replace(" µs", "").split(" / ");
        boolean p4met = p4.length == 2 && Double.parseDouble(p4[1]) <= 2_000;
        BenchReport.summary("P4", "status latency p50 / p99, server side" + (prefix == null ? "" : " (ubus round trip)") + on,
                c.p4 + (prefix == null ? "" : " (" + c.ubusRtt + ")"), "p99 ≤ 2 ms", p4met);
        BenchReport.summary("P5", "idle CPU over " + IDLE_MS / 1000 + " s: first minute online / later" + on,
                String.format(Locale.ROOT, "%.2f %% / %.2f %% of a core", c.idleCpuPct, c.steadyCpuPct), "≤ 0.2 %",
                c.steadyCpuPct >= 0 && c.steadyCpuPct <= 0.2);
        long ready = median(c.readyMs);
        BenchReport.summary("P6", "start to " + (prefix == null ? "daemon ready" : "ubus object registered") + ", median" + on,
                ready + " ms", "≤ 1 s", ready >= 0 && ready <= 1_000);
    }

    private void report(List<Run> runs, RouterFlags router, Path prefix, BenchRuntime.Jlink jlink) {
        summarize(runs, prefix);
        StringBuilder t = new StringBuilder();
        t.append("| configuration | P6 ready (median of ").append(STARTS + 1).append(") | online | P3 RSS idle | P3 RSS after ")
                .append(STATUS_CALLS).append(" status | P5 idle CPU: first minute / later | P4 status p50 / p99 (server) | ubus round trip p50 / p99 | threads |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            if (r.error != null && r.idle == null) {
                t.append("| ").append(r.config.name()).append(" | failed: ").append(r.error.replace('\n', ' ').replace('|', '/'))
                        .append(" |||||||| \n");
                continue;
            }
            t.append(String.format(Locale.ROOT, "| %s | %d ms | %.1f s | %s | %s | %.2f %% / %.2f %% | %s | %s | %s |%n",
                    r.config.name(), median(r.readyMs), r.onlineMs / 1000.0, rss(r.idle), rss(r.afterCalls),
                    r.idleCpuPct, r.steadyCpuPct, r.p4, r.ubusRtt, r.idle == null ? "?" : r.idle.get("Threads")));
        }
        StringBuilder n = new StringBuilder();
        n.append("Router flags (init script `LTEMODEM_JVM_FLAGS`): `").append(String.join(" ", router.tuning)).append("`; ")
                .append("its `-D` properties point JNA and jSerialComm at this machine's natives, as ltemodem-jre does on the router.\n")
                .append("Each daemon: `ltemodem-router.jar bench-daemon` in its own JVM with one simulated EC25 (real time, behind a fake "
                        + "sysfs tree and a pty, in the benchmark's JVM) and default settings (poll every 10 s, no watchdog hosts). ")
                .append("Ready = spawn until the ubus object is registered").append(prefix == null ? " (no libubus here: until the daemon runs)" : "")
                .append("; online = spawn until the modem is online. RSS = VmRSS (anon + file) after ")
                .append(IDLE_MS / 1000).append(" s idle, then after ").append(STATUS_CALLS).append(" `status` calls ")
                .append(prefix == null ? "through the in-process dispatcher" : "through ubus (libubus client → private ubusd → daemon)")
                .append(". Idle CPU = utime+stime over ").append(IDLE_MS / 1000).append(" s at ")
                .append(DaemonProcess.CLK_TCK).append(" Hz, % of one core: first in the minute after online (JIT warm-up "
                        + "included), then again in a minute after the status calls. P4 server = dispatch + blobmsg encoding of ")
                .append(STATUS_CALLS).append(" warm calls, timed in the daemon.\n\n");
        for (Run r : runs) {
            n.append("- ").append(r.config.name()).append(": ");
            if (r.idle != null) {
                n.append(String.format(Locale.ROOT, "anon %.1f / file %.1f MiB idle", r.idle.get("RssAnon") / 1024.0,
                        r.idle.get("RssFile") / 1024.0));
            }
            if (!r.cdsNote.isEmpty()) n.append("; ").append(r.cdsNote);
            if (r.error != null) n.append("; error: ").append(r.error.replace('\n', ' '));
            n.append(". Wake-ups (thread, context switches/s, CPU ticks) in the first idle minute: ").append(r.topThreads)
                    .append("; later: ").append(r.steadyThreads).append('\n');
        }
        BenchReport.section("P3–P6 — footprint, status latency, idle CPU, start-up (daemon in its own JVM)", t.toString(), n.toString());
    }

    private static String rss(Map<String, Long> m) {
        return m == null ? "–" : String.format(Locale.ROOT, "%.1f MiB", m.get("VmRSS") / 1024.0);
    }

    private static long median(List<Long> v) {
        if (v.isEmpty()) return -1;
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}

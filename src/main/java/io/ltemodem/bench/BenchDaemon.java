package io.ltemodem.bench;

import com.google.gson.JsonObject;
import io.ltemodem.api.ApiDispatcher;
import io.ltemodem.api.Reply;
import io.ltemodem.daemon.Daemon;
import io.ltemodem.daemon.SysfsModemFactory;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.ubus.Blobmsg;
import io.ltemodem.ubus.UbusServer;
import io.ltemodem.uci.ConfigReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ltemodem bench-daemon}: the production daemon — the same wiring as {@code ltemodem daemon} (UCI files,
 * sysfs discovery, AT over jSerialComm, the ubus object) — instrumented for the footprint benchmarks, which run it
 * in a JVM of its own with the router's flags and put a simulated modem behind a fake sysfs tree and a pty.
 *
 * <p>It adds no thread and no timer of its own: the main thread blocks reading commands on stdin. On stdout:
 * <ul>
 *   <li>{@code READY <ubus|no-ubus> <ms since the JVM started>} once the ubus object is registered (or, without
 *       libubus, once every modem's reconciler runs);</li>
 *   <li>{@code STATE <modem> <state>} on every state change;</li>
 *   <li>for the stdin command {@code status N}: N calls of {@code status} through the same dispatcher the ubus
 *       object uses, each timed server-side from the call to its encoded blobmsg reply (what the ubus handler does
 *       between reading the request and {@code ubus_send_reply}), answered by
 *       {@code STATUS <n> <p50 µs> <p99 µs> <max µs> <reply bytes>};</li>
 *   <li>{@code quit} (or end of input) stops the daemon and exits.</li>
 * </ul>
 */
public final class BenchDaemon {
    private BenchDaemon() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false"); // as `ltemodem daemon`
        Path confDir = Path.of(option(args, "--config-dir", "/etc/config"));
        Path devRoot = Path.of(option(args, "--dev-root", "/dev"));
        String socket = option(args, "--ubus-socket", null);
        ProcessRunner runner = new ProcessRunner();
        Daemon daemon = new Daemon(ConfigReader.forDirectory(confDir),
                new SysfsModemFactory(Clock.SYSTEM, devRoot, ModemProfiles.load(), runner, EngineTimings.defaults()));
        daemon.addListener(new EngineListener() {
            @Override
            public void onStateChange(StateEvent e) {
                out.println("STATE " + e.modem() + " " + e.to().kind().name().toLowerCase(Locale.ROOT));
            }
        });
        ApiDispatcher dispatcher = new ApiDispatcher(daemon);
        daemon.start();
        UbusServer.Settings settings = UbusServer.Settings.defaults();
        if (socket != null) settings = settings.withSocket(socket);
        Optional<UbusServer> ubus = UbusServer.startIfAvailable(dispatcher, daemon, settings);
        boolean registered = ubus.map(UbusServer::isConnected).orElse(false);
        out.println("READY " + (registered ? "ubus" : "no-ubus") + " " + sinceJvmStart());
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] w = line.trim().split("\\s+");
                if (w[0].equals("quit")) break;
                if (w[0].equals("status") && w.length == 2) out.println(statusCalls(dispatcher, Integer.parseInt(w[1])));
                else if (!w[0].isEmpty()) out.println("ERROR unknown command: " + line);
            }
        } finally {
            ubus.ifPresent(UbusServer::close);
            daemon.close();
            runner.killAll();
        }
        return 0;
    }

    /** N status calls as the ubus handler makes them (dispatch, then blobmsg encoding), timed one by one. */
    static String statusCalls(ApiDispatcher dispatcher, int n) {
        long[] ns = new long[Math.max(1, n)];
        JsonObject none = new JsonObject();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Reply r = dispatcher.dispatch("status", none).join();
            byte[] blob = Blobmsg.encode(r.body());
            ns[i] = System.nanoTime() - t0;
            bytes = blob.length;
        }
        Arrays.sort(ns, 0, n);
        return String.format(Locale.ROOT, "STATUS %d %.1f %.1f %.1f %d", n, pct(ns, n, 0.50) / 1e3,
                pct(ns, n, 0.99) / 1e3, n == 0 ? 0 : ns[n - 1] / 1e3, bytes);
    }

    private static long pct(long[] sorted, int n, double p) {
        if (n == 0) return 0;
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
    }

    /** Milliseconds since the kernel started this process (10 ms resolution), or -1. */
    private static long sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(s -> Instant.now().toEpochMilli() - s.toEpochMilli()).orElse(-1L);
    }

    private static String option(List<String> args, String name, String dflt) {
        int i = args.indexOf(name);
        if (i < 0) return dflt;
        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        return args.get(i + 1);
    }
}

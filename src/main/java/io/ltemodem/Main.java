package io.ltemodem;

import io.ltemodem.daemon.ConfigSource;
import io.ltemodem.daemon.Daemon;
import io.ltemodem.daemon.SysfsModemFactory;
import io.ltemodem.daemon.simulated.Demo;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.uci.ConfigReader;
import io.ltemodem.ubus.UbusServer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code daemon} (the router service, started by procd) and {@code demo} (the daemon against the
 * built-in simulated modem, for {@code make run}).
 */
public final class Main {
    private Main() {
    }

    private static final String USAGE = """
            usage: ltemodem daemon [--config-dir DIR] [--dev-root DIR] [--ubus-socket PATH] [--state-dir DIR]
                   ltemodem demo [--scenario FILE.json] [--speed N] [--protocol at|qmi] [--verbose]
                   ltemodem bench-daemon [daemon options]   (make bench: the daemon, instrumented; see BenchDaemon)
            """;

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || a.contains("-h") || a.contains("--help")) {
            System.out.print(USAGE);
            System.exit(a.isEmpty() ? 2 : 0);
        }
        switch (a.get(0)) {
            case "daemon" -> System.exit(daemon(a.subList(1, a.size())));
            case "bench-daemon" -> System.exit(io.ltemodem.bench.BenchDaemon.run(a.subList(1, a.size()), System.out));
            case "demo" -> {
                if (Main.class.getResource("daemon/simulated/Demo.class") == null) {
                    System.err.println("ltemodem: this is the router build, without the simulator: run the demo from target/ltemodem.jar");
                    System.exit(2);
                }
                // The timeline tells the story; log lines would only interleave with it.
                if (!a.contains("--verbose")) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
                System.exit(Demo.run(a.subList(1, a.size()), System.out));
            }
            default -> {
                System.err.print("ltemodem: unknown command '" + a.get(0) + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static int daemon(List<String> args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
        Path confDir = Path.of(option(args, "--config-dir", "/etc/config"));
        Path devRoot = Path.of(option(args, "--dev-root", "/dev"));
        String socket = option(args, "--ubus-socket", null);
        String stateDir = option(args, "--state-dir", null);
        ProcessRunner runner = new ProcessRunner();
        ConfigSource config = ConfigReader.forDirectory(confDir);
        if (stateDir != null) config = config.withStateDir(Path.of(stateDir));
        Daemon daemon = new Daemon(config,
                new SysfsModemFactory(Clock.SYSTEM, devRoot, ModemProfiles.load(), runner, EngineTimings.defaults()));
        daemon.start();
        UbusServer.Settings ubusSettings = UbusServer.Settings.defaults();
        if (socket != null) ubusSettings = ubusSettings.withSocket(socket);
        Optional<UbusServer> ubus = UbusServer.startIfAvailable(daemon, ubusSettings);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ubus.ifPresent(UbusServer::close);
            daemon.close();
            runner.killAll();
            stop.countDown();
        }, "shutdown"));
        stop.await();
        return 0;
    }

    static String option(List<String> args, String name, String dflt) {
        int i = args.indexOf(name);
        if (i < 0) return dflt;
        if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        return args.get(i + 1);
    }
}

package io.ltemodem.ubus;

import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real OpenWrt libraries and tools for integration tests: {@code LTEMODEM_OPENWRT_PREFIX} names a prefix with
 * {@code lib/} (libubox, libubus, libuci, libblobmsg_json), {@code sbin/ubusd}, {@code bin/ubus} and {@code bin/uci}.
 * Without it the tests are skipped, visibly. Every subprocess has a deadline.
 */
public final class OpenWrtPrefix {
    public static final String ENV = "LTEMODEM_OPENWRT_PREFIX";
    private static final java.util.Set<String> announced = new java.util.HashSet<>();

    public final Path prefix;
    private final ProcessRunner runner = new ProcessRunner();

    private OpenWrtPrefix(Path prefix) {
        this.prefix = prefix;
    }

    /** The prefix, or the test is skipped (with one line on stderr saying why). */
    public static synchronized OpenWrtPrefix require(String what) {
        String p = System.getenv(ENV);
        boolean ok = p != null && !p.isBlank() && Files.isDirectory(Path.of(p, "lib"))
                && Files.isExecutable(Path.of(p, "sbin", "ubusd"));
        if (!ok && announced.add(what)) System.err.println("SKIPPED: " + ENV + " not set: skipping " + what + " integration tests");
        Assumptions.assumeTrue(ok, ENV + " not set: skipping " + what + " integration tests");
        OpenWrtPrefix o = new OpenWrtPrefix(Path.of(p).toAbsolutePath());
        // JNA must find the private libraries; libubox is loaded first by OpenWrtLibraries.
        System.setProperty("jna.library.path", o.lib().toString());
        OpenWrtLibraries.useDirectory(o.lib());
        return o;
    }

    public Path lib() {
        return prefix.resolve("lib");
    }

    public Map<String, String> env() {
        return Map.of("LD_LIBRARY_PATH", lib().toString());
    }

    /** Runs a tool of the prefix ({@code bin/ubus}, {@code bin/uci}) with a deadline. */
    public ProcessRunner.Result run(long timeoutMs, String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(prefix.resolve("bin").resolve(tool).toString());
        cmd.addAll(List.of(args));
        return runner.run(cmd, timeoutMs, env());
    }

    /** Starts a tool in the background (for {@code ubus listen} or a blocking {@code ubus call}). */
    public Process spawn(Path stdout, String tool, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(prefix.resolve("bin").resolve(tool).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env());
        return pb.start();
    }

    /** A private ubusd on {@code socket}; kill it with {@link #stop(Process)}. */
    public Process startUbusd(Path socket) throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        ProcessBuilder pb = new ProcessBuilder(prefix.resolve("sbin/ubusd").toString(), "-s", socket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env());
        Process p = pb.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                stop(p);
                throw new IOException("ubusd did not create " + socket);
            }
            Thread.sleep(10);
        }
        return p;
    }

    public static void stop(Process p) {
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}

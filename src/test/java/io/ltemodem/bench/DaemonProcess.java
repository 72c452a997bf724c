package io.ltemodem.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ltemodem bench-daemon} in a JVM of its own. Its stdout protocol lines (see BenchDaemon) are timestamped
 * here as they arrive; stderr (the daemon's log) is kept for the report when something fails. Reads RSS, CPU
 * time and per-thread activity from /proc. Every wait has a deadline; {@link #close()} kills the JVM if it does
 * not quit by itself.
 */
final class DaemonProcess implements AutoCloseable {
    /** Clock ticks per second for /proc/PID/stat (USER_HZ; 100 on every Linux ABI this runs on). */
    static final int CLK_TCK = 100;

    record Line(long nanos, String text) {
    }

    final long spawnNanos;
    final Process process;
    final long pid;
    private final Writer stdin;
    private final LinkedBlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    DaemonProcess(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        spawnNanos = System.nanoTime();
        process = pb.start();
        pid = process.pid();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    private void drain(BufferedReader r, boolean protocol) {
        Thread t = new Thread(() -> {
            try {
                for (String l; (l = r.readLine()) != null; ) {
                    if (protocol) lines.add(new Line(System.nanoTime(), l));
                    else if (log.size() < 2_000) log.add(l);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "bench-drain-" + (protocol ? "out" : "err"));
        t.setDaemon(true);
        t.start();
    }

    /** The next stdout line starting with {@code prefix} (earlier other lines are skipped), or null at the deadline. */
    Line await(String prefix, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            Line l = lines.poll(left, TimeUnit.NANOSECONDS);
            if (l == null) return null;
            if (l.text().startsWith(prefix)) return l;
        }
    }

    void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    /** Tail of the daemon's log, for failure reports. */
    String logTail(int n) {
        synchronized (log) {
            return String.join("\n", log.subList(Math.max(0, log.size() - n), log.size()));
        }
    }

    // ---------------------------------------------------------------- /proc

    /** Fields of /proc/PID/status in kB (VmRSS, RssAnon, RssFile) and Threads. */
    Map<String, Long> status() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int c = l.indexOf(':');
            if (c < 0) continue;
            String k = l.substring(0, c);
            if (k.equals("VmRSS") || k.equals("RssAnon") || k.equals("RssFile") || k.equals("RssShmem")
                    || k.equals("Threads") || k.equals("VmHWM")) {
                m.put(k, Long.parseLong(l.substring(c + 1).trim().split("\\s+")[0]));
            }
        }
        return m;
    }

    /** utime + stime of the whole process, in clock ticks. */
    long cpuTicks() throws IOException {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long ticks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ": state is f[0]; utime and stime are fields 14 and 15 of the line, f[11] and f[12].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Per thread: name → {cpu ticks, context switches (voluntary + involuntary)}, threads of a name summed. */
    Map<String, long[]> threads() throws IOException {
        Map<String, long[]> m = new LinkedHashMap<>();
        Path task = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> s = Files.list(task)) {
            for (Path t : s.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long cs = 0;
                    for (String l : Files.readAllLines(t.resolve("status"))) {
                        if (l.startsWith("voluntary_ctxt_switches:") || l.startsWith("nonvoluntary_ctxt_switches:")) {
                            cs += Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
                        }
                    }
                    long[] v = m.computeIfAbsent(name, k -> new long[2]);
                    v[0] += ticks(t.resolve("stat"));
                    v[1] += cs;
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return m;
    }

    /** SIGTERM (SIGKILL if it lingers): for runs whose end does not matter. */
    void kill() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to quit (a clean exit, which writes a dynamic CDS archive), killing it when it does not. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    send("quit");
                } catch (IOException ignored) {
                    // stdin closed: it is going anyway
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

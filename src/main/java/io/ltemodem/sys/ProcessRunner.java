package io.ltemodem.sys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs helper programs (qmicli, mbimcli, ping, pppd) with a deadline. Past it the child and its descendants are
 * killed and reaped: no zombie, no stuck daemon (the seed's uqmi without {@code -t} blocks forever). Only
 * processes started here are ever killed, never anything found by name.
 */
public final class ProcessRunner {
    /** What a finished (or killed) run produced. {@code exitCode} is -1 when it was killed at the deadline. */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut, long millis) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    /** Runs {@code command} (no shell), waiting at most {@code timeoutMs} of real time. */
    public Result run(List<String> command, long timeoutMs) {
        return run(command, timeoutMs, Map.of());
    }

    public Result run(List<String> command, long timeoutMs, Map<String, String> env) {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, "", "cannot start " + command.get(0) + ": " + e.getMessage(), false, 0);
        }
        live.add(p);
        try {
            Drain out = new Drain(p.getInputStream());
            Drain err = new Drain(p.getErrorStream());
            boolean finished = p.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
            if (!finished) kill(p);
            out.finish();
            err.finish();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Result(finished ? p.exitValue() : -1, out.text(), err.text(), !finished, ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            return new Result(-1, "", "interrupted", true, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            live.remove(p);
        }
    }

    /** Children still running (for leak checks in tests). */
    public int liveChildren() {
        live.removeIf(pr -> !pr.isAlive());
        return live.size();
    }

    /** Kills every child still running (shutdown). */
    public void killAll() {
        for (Process p : live) kill(p);
    }

    /** SIGTERM, a short grace, then SIGKILL; descendants first so none is orphaned; then reaped. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** Reads a child's stream on its own thread so a chatty child cannot block on a full pipe. */
    private static final class Drain extends Thread {
        private static final int LIMIT = 1 << 20;
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            super("proc-drain");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] b = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(b)) >= 0) {
                    synchronized (buf) {
                        if (buf.size() < LIMIT) buf.write(b, 0, Math.min(n, LIMIT - buf.size()));
                    }
                }
            } catch (IOException e) {
                // the child is gone; what we have is what it said
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits for the stream's end, boundedly: a grandchild holding the pipe open must not hang us. */
        void finish() throws InterruptedException {
            join(2_000);
        }
    }
}

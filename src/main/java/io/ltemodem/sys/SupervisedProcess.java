package io.ltemodem.sys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A long-running helper (pppd) under supervision: started without a shell, its output kept in a bounded buffer
 * (scrubbed of secrets line by line before it is stored), its exit noticed, and stopped on request — SIGTERM first so
 * it can hang up cleanly, SIGKILL past the grace period, then every descendant it left (a connect script, a chat)
 * killed too, and everything reaped. {@link ProcessRunner} is for calls that finish; this is for a child that should
 * run until told otherwise. Only the process started here (and its own descendants) is ever signalled.
 */
public final class SupervisedProcess {
    private static final int OUTPUT_LINES = 200;

    private final String name;
    private final Process process;
    private final ArrayDeque<String> output = new ArrayDeque<>();
    private final UnaryOperator<String> scrub;
    private final Thread drain;
    /** Descendants seen while it ran: after the parent dies they are orphans no longer listed under it. */
    private final List<ProcessHandle> seen = new ArrayList<>();

    private SupervisedProcess(String name, Process process, UnaryOperator<String> scrub) {
        this.name = name;
        this.process = process;
        this.scrub = scrub;
        this.drain = new Thread(() -> drain(process.getInputStream()), "supervised-" + name);
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts {@code command} (no shell; stdin from /dev/null; stderr merged into the kept output).
     *
     * @param scrub applied to each output line before it is kept (mask secrets); identity when null
     */
    public static SupervisedProcess start(String name, List<String> command, Map<String, String> env,
                                          UnaryOperator<String> scrub) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (env != null) pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        return new SupervisedProcess(name, pb.start(), scrub == null ? UnaryOperator.identity() : scrub);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        noteDescendants();
        return process.isAlive();
    }

    /** The exit code once it has ended, else null. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Waits up to {@code ms} (real time) for it to end; true when it has. */
    public boolean awaitExit(long ms) throws InterruptedException {
        noteDescendants();
        return process.waitFor(Math.max(0, ms), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops it: SIGTERM, up to {@code graceMs} to end by itself, then SIGKILL; then its leftover descendants are
     * killed and it is reaped. Returns the exit code (-1 if it would not die, which only a kernel in trouble causes).
     */
    public int stop(long graceMs) {
        noteDescendants();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Math.max(0, graceMs), TimeUnit.MILLISECONDS)) {
                    noteDescendants();
                    process.destroyForcibly();
                    process.waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        killLeftovers();
        try {
            drain.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Descendants still running (a leak check). */
    public int leftovers() {
        synchronized (seen) {
            seen.removeIf(h -> !running(h));
            return seen.size() + (int) process.descendants().filter(SupervisedProcess::running).count();
        }
    }

    /**
     * Alive and not a zombie. A killed orphan is re-parented to PID 1, and a container's PID 1 may be slow to reap
     * it (or never do): {@link ProcessHandle#isAlive()} still says true for the zombie, which runs nothing.
     */
    public static boolean running(ProcessHandle h) {
        if (!h.isAlive()) return false;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(h.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return h.isAlive();
        }
    }

    private void noteDescendants() {
        synchronized (seen) {
            process.descendants().forEach(h -> {
                if (!seen.contains(h)) seen.add(h);
            });
        }
    }

    private void killLeftovers() {
        List<ProcessHandle> all;
        synchronized (seen) {
            process.descendants().forEach(h -> {
                if (!seen.contains(h)) seen.add(h);
            });
            all = new ArrayList<>(seen);
        }
        for (ProcessHandle h : all) if (h.isAlive()) h.destroyForcibly();
        long until = System.nanoTime() + 1_000_000_000L;
        for (ProcessHandle h : all) {
            // An orphan is reaped by PID 1, not us: wait (boundedly) until it no longer runs.
            while (running(h) && System.nanoTime() < until) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The last lines it printed (at most 200), oldest first, already scrubbed. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void drain(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String kept = scrub.apply(line.length() > 1000 ? line.substring(0, 1000) : line);
                synchronized (output) {
                    if (output.size() == OUTPUT_LINES) output.removeFirst();
                    output.addLast(kept);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }
}

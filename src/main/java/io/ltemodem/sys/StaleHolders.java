package io.ltemodem.sys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the processes that provably hold one of our device nodes open — an fd under {@code /proc/<pid>/fd} whose
 * link points at the node — and stops them. The seed kills every {@code uqmi} by name, which also kills the
 * helpers of another modem or another program; we act only on proof, and never on ourselves.
 */
public final class StaleHolders {
    private static final Logger log = LoggerFactory.getLogger(StaleHolders.class);

    /** A process holding the node, and what it is (its command line, for the log). */
    public record Holder(long pid, String command) {
    }

    private final Path procRoot;

    public StaleHolders(Path procRoot) {
        this.procRoot = procRoot;
    }

    public static StaleHolders system() {
        return new StaleHolders(Path.of("/proc"));
    }

    /** Every other process with an open fd on {@code device} (symlinks to the node are resolved first). */
    public List<Holder> holding(Path device) {
        Path target;
        try {
            target = device.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<Holder> out = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(procRoot, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == self) continue;
                if (holds(proc.resolve("fd"), target)) out.add(new Holder(pid, command(proc)));
            }
        } catch (IOException e) {
            log.debug("cannot list {}: {}", procRoot, e.getMessage());
        }
        return out;
    }

    private static boolean holds(Path fdDir, Path target) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    Path link = Files.readSymbolicLink(fd);
                    if (link.equals(target)) return true;
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            // the process ended, or we may not look: no proof, no action
        }
        return false;
    }

    private static String command(Path proc) {
        try {
            byte[] b = Files.readAllBytes(proc.resolve("cmdline"));
            return new String(b, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Stops every process that holds {@code device}: SIGTERM, then SIGKILL after {@code graceMs} (real time).
     *
     * @return the holders that were found (and stopped)
     */
    public List<Holder> stop(Path device, long graceMs) {
        List<Holder> found = holding(device);
        for (Holder h : found) {
            log.warn("stopping pid {} ({}): it holds {} open", h.pid(), h.command(), device);
            Optional<ProcessHandle> ph = ProcessHandle.of(h.pid());
            ph.ifPresent(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + graceMs * 1_000_000L;
        for (Holder h : found) {
            Optional<ProcessHandle> ph = ProcessHandle.of(h.pid());
            if (ph.isEmpty()) continue;
            try {
                ph.get().onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                ph.get().destroyForcibly();
            }
        }
        return found;
    }
}

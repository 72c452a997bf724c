package io.ltemodem.sys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a piece of work left behind in this JVM's process: child processes that were not there before, and open file
 * descriptors beyond those it started with. Closing is not instant (a pty reader thread ends after its hang-up, a
 * killed child is reaped), so the check polls until a deadline before it reports anything.
 */
public final class Leaks {
    /** What was there before. */
    public record Baseline(int fds, Set<Long> children) {
    }

    private Leaks() {
    }

    public static Baseline now() {
        return new Baseline(openFds(), children());
    }

    /**
     * What is left beyond {@code before} (more than {@code fdSlack} new descriptors, any new child process), after
     * waiting up to {@code realMs} for it to go away; empty when nothing leaked.
     */
    public static List<String> since(Baseline before, int fdSlack, long realMs) throws InterruptedException {
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (true) {
            List<String> left = new ArrayList<>();
            int fds = openFds();
            if (fds > before.fds() + fdSlack) left.add("open fds " + before.fds() + " → " + fds + ": " + fdTargets());
            for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
                if (!before.children().contains(p.pid()) && p.isAlive()) {
                    left.add("child " + p.pid() + " " + p.info().commandLine().orElse("?"));
                }
            }
            if (left.isEmpty() || System.nanoTime() > deadline) return left;
            Thread.sleep(20);
        }
    }

    public static int openFds() {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            int n = 0;
            for (Path ignored : d) n++;
            return n;
        } catch (IOException e) {
            throw new IllegalStateException("cannot count open fds: " + e.getMessage(), e);
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** What the open descriptors point at, for a failure message. */
    private static List<String> fdTargets() {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : d) {
                try {
                    out.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            out.add("? " + e.getMessage());
        }
        return out;
    }
}

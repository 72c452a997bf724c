package io.ltemodem.sys;

import io.ltemodem.sys.pty.Pty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class StaleHoldersTest {
    @TempDir
    Path dir;

    @Test
    void findsAndStopsOnlyTheProcessThatHoldsOurNode() throws Exception {
        try (Pty ours = Pty.open(); Pty theirs = Pty.open()) {
            // A stale helper holding our port, and an innocent process of the same name holding another one.
            Process stale = new ProcessBuilder("sh", "-c", "exec 3<>" + ours.slavePath() + "; exec sleep 60").start();
            Process innocent = new ProcessBuilder("sh", "-c", "exec 3<>" + theirs.slavePath() + "; exec sleep 60").start();
            try {
                StaleHolders holders = StaleHolders.system();
                Path link = dir.resolve("ttyUSB2");
                Files.createSymbolicLink(link, Path.of(ours.slavePath()));
                long deadline = System.nanoTime() + 5_000_000_000L;
                List<StaleHolders.Holder> found = List.of();
                while (found.isEmpty() && System.nanoTime() < deadline) {
                    found = holders.holding(link);
                    Thread.sleep(10);
                }
                assertEquals(List.of(stale.pid()), found.stream().map(StaleHolders.Holder::pid).toList());
                assertTrue(found.get(0).command().contains("sleep"), found.toString());
                holders.stop(link, 1_000);
                assertTrue(stale.waitFor(5, TimeUnit.SECONDS), "the holder is gone");
                assertTrue(innocent.isAlive(), "a process of the same name on another node is left alone");
                assertEquals(List.of(), holders.holding(link));
            } finally {
                stale.destroyForcibly();
                innocent.destroyForcibly();
                stale.waitFor(5, TimeUnit.SECONDS);
                innocent.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void neverNamesItselfAndIgnoresMissingNodes() throws Exception {
        try (Pty pty = Pty.open()) {
            // This JVM holds the master and slave fds of the pty itself.
            assertEquals(List.of(), StaleHolders.system().holding(Path.of(pty.slavePath())));
        }
        assertEquals(List.of(), StaleHolders.system().holding(Path.of("/dev/nonexistent-node")));
    }
}

package io.ltemodem.sys;

import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The leak check the fault matrix relies on sees what it must: a child left running, a descriptor left open. */
class LeaksTest {
    @Test
    void aChildLeftRunningAndAnOpenFileAreReportedUntilTheyAreGone() throws Exception {
        Leaks.Baseline before = Leaks.now();
        Process p = new ProcessBuilder("sleep", "30").start();
        FileInputStream f = new FileInputStream("/proc/self/status");
        try {
            List<String> left = Leaks.since(before, 0, 50);
            assertTrue(left.stream().anyMatch(l -> l.startsWith("child " + p.pid())), left.toString());
            assertTrue(left.stream().anyMatch(l -> l.startsWith("open fds")), left.toString());
        } finally {
            p.destroyForcibly().waitFor();
            f.close();
        }
        assertEquals(List.of(), Leaks.since(before, 0, 2_000));
    }
}

package io.ltemodem.sys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void capturesOutputAndExitCode() {
        ProcessRunner.Result r = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), 5_000);
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.timedOut());
    }

    @Test
    void aHangingChildAndItsDescendantsAreKilledAtTheDeadline() throws Exception {
        long t0 = System.nanoTime();
        ProcessRunner.Result r = runner.run(List.of("sh", "-c", "sleep 30 & sleep 30; wait"), 300);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertTrue(ms < 5_000, "killed promptly: " + ms + " ms");
        assertEquals(0, runner.liveChildren());
        // No child of ours is left, zombie or not (the grandchild 'sleep' was killed too).
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    @Test
    void aMissingProgramIsAResultNotAnException() {
        ProcessRunner.Result r = runner.run(List.of("/nonexistent/qmicli"), 1_000);
        assertEquals(127, r.exitCode());
        assertTrue(r.stderr().contains("/nonexistent/qmicli"));
    }
}

package io.ltemodem.sim.mbim;

import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Test;

import io.ltemodem.mbim.MbimTranscript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The simulator seen by the real mbimcli 1.28: the reference transcript, byte for byte, and time on the clock. */
class MbimSimulatorMbimcliTest {

    private static ProcessRunner.Result mbimcli(ProcessRunner r, Path mbimcli, String dev, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(mbimcli.toString(), "-d", dev));
        cmd.addAll(args);
        return r.run(cmd, 8_000);
    }

    @Test
    void printsTheReferenceTranscriptByteForByte() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start()) {
            for (Map.Entry<String, String> e : MbimTranscript.sectionsWithExitCodes().entrySet()) {
                ProcessRunner.Result res = mbimcli(r, mbimcli, sim.devicePath(), List.of(e.getKey().split(" ")));
                // The transcript was captured with stderr first, then stdout, then the exit code.
                String got = res.stderr() + res.stdout() + res.exitCode();
                assertEquals(e.getValue().replace("/dev/pts/1", sim.devicePath()), got, "mbimcli " + e.getKey());
            }
            assertEquals(MbimTranscript.sections().size() - 1, sim.opens(), "the chained call continued the session the connect left open");
        }
    }

    @Test
    void slowAnswersRunOnTheSimulatorClock() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        ScaledClock clock = new ScaledClock(100);
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(clock)).clock(clock).start()) {
            // 20 s of modem time per answer is 200 ms of real time: inside mbimcli's own 10 s.
            sim.faults().delayMs(20_000);
            long t0 = System.nanoTime();
            ProcessRunner.Result res = mbimcli(r, mbimcli, sim.devicePath(), List.of("--query-radio-state"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, res.exitCode(), res.stderr());
            assertTrue(ms >= 500, "three answers (open, query, close) of 200 ms each: " + ms);
        }
    }

    @Test
    void aLockedSimAndAPinEnteredThroughMbimcli() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM).requirePin("4321");
        try (MbimSimulator sim = MbimSimulator.builder(model).start()) {
            ProcessRunner.Result sub = mbimcli(r, mbimcli, sim.devicePath(), List.of("--query-subscriber-ready-status"));
            assertTrue(sub.stdout().contains("Ready state: 'device-locked'"), sub.stdout());
            ProcessRunner.Result pin = mbimcli(r, mbimcli, sim.devicePath(), List.of("--query-pin-state"));
            assertTrue(pin.stdout().contains("PIN type: 'pin1'") && pin.stdout().contains("Remaining attempts: '3'"), pin.stdout());
            ProcessRunner.Result wrong = mbimcli(r, mbimcli, sim.devicePath(), List.of("--enter-pin=1111"));
            assertEquals(1, wrong.exitCode());
            assertEquals("error: operation failed: Failure\n", wrong.stderr());
            ProcessRunner.Result right = mbimcli(r, mbimcli, sim.devicePath(), List.of("--enter-pin=4321"));
            assertEquals(0, right.exitCode(), right.stderr());
            assertTrue(right.stdout().contains("PIN operation successful"), right.stdout());
            assertEquals(2, model.pinAttempts());
        }
    }
}

package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.OperatingMode;
import io.ltemodem.qmi.QmiResult;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.QmicliTool;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The simulator seen by the real qmicli beyond what the tool layer asks: other requests, time, the wire log. */
class QmiSimulatorQmicliTest {

    private static ProcessRunner.Result qmicli(ProcessRunner r, Path qmicli, String dev, String... args) {
        List<String> cmd = new ArrayList<>(List.of(qmicli.toString(), "-d", dev, "--device-open-qmi"));
        cmd.addAll(List.of(args));
        return r.run(cmd, 5_000);
    }

    @Test
    void otherRequestsQmicliKnows() throws Exception {
        Path qmicli = RealQmicli.require();
        ProcessRunner r = new ProcessRunner();
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(io.ltemodem.sys.Clock.SYSTEM)).start()) {
            ProcessRunner.Result strength = qmicli(r, qmicli, sim.devicePath(), "--nas-get-signal-strength");
            assertEquals(0, strength.exitCode(), strength.stderr());
            assertTrue(strength.stdout().contains("Network 'lte': '-65 dBm'"), strength.stdout());
            assertTrue(strength.stdout().contains("Network 'lte': '-95 dBm'"), strength.stdout());

            ProcessRunner.Result pin = qmicli(r, qmicli, sim.devicePath(), "--dms-uim-get-pin-status");
            assertEquals(0, pin.exitCode(), pin.stderr());
            assertTrue(pin.stdout().contains("PIN1:\n\tStatus: disabled\n\tVerify: 3"), pin.stdout());

            ProcessRunner.Result versions = qmicli(r, qmicli, sim.devicePath(), "--device-open-version-info", "--device-open-sync",
                    "--dms-get-operating-mode");
            assertEquals(0, versions.exitCode(), versions.stderr());
            assertTrue(sim.requests(QmiServices.CTL, 0x0021) >= 1, "version info asked");

            // The first bytes qmicli writes are a CTL Allocate CID for DMS, byte for byte as in the wire log.
            assertTrue(sim.wireLog().contains("RX raw 010f0000000000012200040001010002"), sim.wireLog().toString());
        }
    }

    @Test
    void slowAnswersRunOnTheSimulatorClock() throws Exception {
        Path qmicli = RealQmicli.require();
        ProcessRunner r = new ProcessRunner();
        ScaledClock clock = new ScaledClock(100);
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(clock)).clock(clock).start()) {
            // 20 s of modem time per answer, 200 ms of real time: well inside qmicli's own 10 s.
            sim.faults().delayMs(20_000);
            QmicliTool tool = new QmicliTool(qmicli.toString(), sim.devicePath(), false, r, new QmiTimeouts(4_000, 4_000, 4_000));
            long t0 = System.nanoTime();
            QmiResult<OperatingMode> m = tool.operatingMode();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(m.ok(), m.describe());
            assertTrue(ms >= 400, "three answers (allocate, request, release) of 200 ms each: " + ms);
        }
    }

    @Test
    void anInjectedErrorIsAnsweredAsManyTimesAsAskedThenTheRealAnswer() throws Exception {
        Path qmicli = RealQmicli.require();
        ProcessRunner r = new ProcessRunner();
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(io.ltemodem.sys.Clock.SYSTEM)).start()) {
            sim.faults().failNext(QmiServices.NAS, 0x0020, io.ltemodem.qmi.QmiProtocolError.INTERNAL, 2);
            for (int i = 0; i < 2; i++) {
                ProcessRunner.Result failed = qmicli(r, qmicli, sim.devicePath(), "--nas-get-signal-strength");
                assertNotEquals(0, failed.exitCode(), failed.stdout());
                assertTrue(failed.stderr().contains("Internal"), failed.stderr());
            }
            ProcessRunner.Result ok = qmicli(r, qmicli, sim.devicePath(), "--nas-get-signal-strength");
            assertEquals(0, ok.exitCode(), ok.stderr());
            assertEquals(0, sim.cidsInUse(QmiServices.NAS), "the failed requests' clients were released too");
        }
    }

    @Test
    void registrationTakesModemTimeAfterPowerOn() throws Exception {
        Path qmicli = RealQmicli.require();
        ProcessRunner r = new ProcessRunner();
        ScaledClock clock = new ScaledClock(100);
        SimpleQmiModel model = new SimpleQmiModel(clock).registerDelayMs(30_000);
        try (QmiSimulator sim = QmiSimulator.builder(model).clock(clock).start()) {
            QmicliTool tool = new QmicliTool(qmicli.toString(), sim.devicePath(), false, r, RealQmicli.TEST_TIMEOUTS);
            assertTrue(tool.setOperatingMode(OperatingMode.LOW_POWER).ok());
            assertTrue(tool.setOperatingMode(OperatingMode.ONLINE).ok());
            assertEquals(io.ltemodem.model.RegStat.SEARCHING, tool.servingSystem().value().regStat());
            Thread.sleep(400); // 40 s of modem time
            assertEquals(io.ltemodem.model.RegStat.HOME, tool.servingSystem().value().regStat());
        }
    }
}

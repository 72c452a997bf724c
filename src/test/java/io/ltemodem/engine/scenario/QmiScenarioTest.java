package io.ltemodem.engine.scenario;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.QmiToolChooser;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.StateKind;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.QmicliTool;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.qmi.QmiServices;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reconciler over QMI, with the real qmicli against the simulated EC25's QMI port (the same modem as its AT
 * port): control on AT with the data session on QMI (a typical EC25), and a modem driven over QMI alone.
 */
class QmiScenarioTest {
    private static final long REAL_MS = 30_000;
    /** qmicli runs in real time while the engine's clock is scaled: a slower scale keeps their ratio sane. */
    private static final double FACTOR = 10;

    @TempDir
    Path dir;
    private Harness h;
    private final ProcessRunner runner = new ProcessRunner();
    private Path wwan0;

    private final ModemConfig want = ModemConfig.defaults("wwan").withApn("internet").withPin("1234");

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) h.close();
        runner.killAll();
    }

    /** A harness whose modem has a QMI port, wired with qmicli (short deadlines) and a fake qmi_wwan netdev. */
    private Harness qmi(boolean qmiControl, QmiTimeouts timeouts) {
        return qmi(qmiControl, timeouts, FACTOR);
    }

    private Harness qmi(boolean qmiControl, QmiTimeouts timeouts, double factor) {
        Path qmicli = RealQmicli.require();
        FakeUsbTree sys = new FakeUsbTree(dir.resolve("sys"));
        sys.device("1-1", "2c7c", "0125").iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        wwan0 = sys.root().resolve("bus/usb/devices/1-1/1-1:1.4/net/wwan0");
        QmiNetdev netdev = new QmiNetdev(sys.root(), "wwan0", n -> true);
        QmiToolChooser tools = device -> new QmicliTool(qmicli.toString(), device, false, runner, timeouts);
        h = new Harness(dir, factor);
        h.wiring = f -> f.withQmi(tools, netdev, qmiControl);
        return h;
    }

    /**
     * The simulator answers in milliseconds; a short request deadline matters while it boots, when its QMI node
     * exists but nothing answers and every probe waits the deadline out.
     */
    private static final QmiTimeouts TIMEOUTS = new QmiTimeouts(1_500, 4_000, 4_000);

    private Harness qmi(boolean qmiControl) {
        return qmi(qmiControl, TIMEOUTS);
    }

    private SimModem.Builder ec25() {
        return h.modem("quectel-ec25").qmi(true);
    }

    @Test
    void anEc25WithItsAtPortForControlGoesOnlineWithTheSessionOnQmi() throws Exception {
        qmi(false).start(ec25().simState(SimCardState.PIN).radio(0), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals("qmi", h.reconciler.status().protocol());
        assertEquals("wwan0", h.reconciler.status().netdev());
        assertEquals("Y", Files.readString(wwan0.resolve("qmi/raw_ip")).trim(), "raw_ip follows the modem's raw-ip framing");
        assertEquals(1, h.sim.pinAttempts());
        assertTrue(h.sim.commandLog().stream().anyMatch(c -> c.startsWith("AT+CPIN=")), "the PIN went over AT");
        assertTrue(h.sim.commandLog().stream().noneMatch(c -> c.startsWith("AT+CGACT=1")), "the session did not");
        assertEquals(2, h.sim.qmiPort().simulator().cidsInUse(QmiServices.WDS), "one WDS client per IP family, held");
        PdpContextInfo ctx = h.sim.model().context(1);
        assertTrue(ctx.active());
        IpConfig ip = h.reconciler.status().snapshot().ipConfig().value();
        assertEquals(ctx.ipv4().getHostAddress(), ip.ipv4().address(), "the IP settings read over QMI");
        assertNotNull(ip.ipv6());
        assertEquals(0, h.count("recovery"), h.actions.toString());
    }

    @Test
    void aModemWithoutAnAtPortIsDrivenOverQmiAlone() throws Exception {
        qmi(true).start(ec25().simState(SimCardState.PIN).radio(0), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertTrue(h.path().contains("LOCKED(pin)"), h.path().toString());
        assertTrue(h.path().contains("RADIO_OFF"), h.path().toString());
        assertEquals(1, h.sim.pinAttempts(), "the PIN went over QMI, once");
        assertEquals(java.util.List.of(), h.sim.commandLog(), "the AT port was never used");
        assertEquals("qmi", h.reconciler.status().protocol());
        assertEquals("867962041234567".length(), h.reconciler.status().snapshot().identity().value().imei().length());
        assertEquals(0, h.count("recovery"), h.actions.toString());
    }

    @Test
    void aWrongPinOverQmiIsTriedOnceAndParksTheModem() throws Exception {
        qmi(true).start(ec25().simState(SimCardState.PIN).pin("9999"), want);
        h.await(StateKind.NEEDS_USER, REAL_MS);
        assertEquals(ErrorCode.PIN_FAILED, h.reconciler.status().state().error());
        h.pass(30_000);
        assertEquals(1, h.sim.pinAttempts(), "exactly one attempt");
        assertEquals(2, h.sim.pinRetriesLeft());
        assertEquals(StateKind.NEEDS_USER, h.reconciler.status().state().kind());
        assertEquals(0, h.count("recovery"), "a PIN problem never climbs the ladder");
    }

    @Test
    void aPukIsNeverSentOverQmi() throws Exception {
        qmi(true).start(ec25().simState(SimCardState.PUK), want);
        h.await(StateKind.NEEDS_USER, REAL_MS);
        assertEquals(ErrorCode.PUK_REQUIRED, h.reconciler.status().state().error());
        h.pass(20_000);
        assertEquals(0, h.sim.pukAttempts());
        assertEquals(0, h.sim.pinAttempts());
        assertEquals(0, h.count("recovery"));
    }

    @Test
    void theModemResetOfAQmiModemIsTheQmiReset() throws Exception {
        qmi(true).start(ec25(), want);
        h.await(StateKind.ONLINE, REAL_MS);
        String before = h.sim.qmiPath();
        h.reconciler.requestReset(RecoveryLevel.L3_MODEM);
        h.awaitVisited("RECOVERING(3)", REAL_MS);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(1, h.sim.resetCount());
        assertNotEquals(before, h.sim.qmiPath(), "the modem came back on a new QMI node, and the drivers followed it");
        assertEquals(java.util.List.of(), h.sim.commandLog(), "no AT reset command: DMS offline, then reset");
    }

    @Test
    void aSpontaneousRebootMovesTheQmiPortAndTheDriversFollow() throws Exception {
        qmi(false).start(ec25(), want);
        h.await(StateKind.ONLINE, REAL_MS);
        String before = h.sim.qmiPath();
        assertTrue(h.sim.faults().reboot());
        h.await(k -> k != StateKind.ONLINE, "offline", REAL_MS);
        h.await(StateKind.ONLINE, REAL_MS);
        assertNotEquals(before, h.sim.qmiPath());
        assertEquals(0, h.count("recovery"), h.actions.toString());
        assertEquals(2, h.sim.qmiPort().simulator().cidsInUse(QmiServices.WDS));
    }

    @Test
    void aQmiPortSilentDuringTheStartCostsOnlyDeadlinesAndTheLadderCarriesOn() throws Exception {
        // Faster modem time: the minutes of stall budgets pass quickly, the (real-time) deadlines stay short.
        qmi(false, new QmiTimeouts(1_000, 1_000, 1_000), 25)
                .start(ec25(), want.withPdpType(ModemConfig.PdpType.IPV4), h.daemon(), sim -> {
                    // Once the port is up: its first boot would end a hang set before it.
                    assertNotNull(sim.qmiPort().awaitPath(null, 120_000));
                    sim.qmiFaults().ignore(QmiServices.WDS, 0x0020);
                });
        // Each start times out; the ladder climbs past the session and the radio to the modem reset, whose
        // firmware restart ends the hang.
        h.await(StateKind.ONLINE, 90_000);
        assertTrue(h.count("start bearer") >= 1, h.actions.toString());
        assertTrue(h.path().contains("RECOVERING(1)"), h.path().toString());
        assertTrue(h.path().contains("RECOVERING(3)"), h.path().toString());
        assertEquals(1, h.sim.resetCount());
        h.reconciler.close(); // no new qmicli from here on; every one it started must be gone
        assertEquals(0, runner.liveChildren(), "every qmicli ended");
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ProcessHandle.current().descendants().anyMatch(p -> p.isAlive() && isQmicli(p)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.isAlive() && isQmicli(p)), "no qmicli left behind");
    }

    private static boolean isQmicli(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("qmicli")).orElse(false);
    }

    @Test
    void connectAndDisconnectCyclesLeaveTheClientIdsWhereTheyStarted() throws Exception {
        ModemConfig v4 = want.withPdpType(ModemConfig.PdpType.IPV4);
        qmi(false).start(ec25(), v4);
        h.await(StateKind.ONLINE, REAL_MS);
        var pool = h.sim.qmiPort().simulator().pool(QmiServices.WDS);
        assertEquals(1, pool.inUse(), "online: the session's client id is held");
        int cycles = 25;
        for (int i = 0; i < cycles; i++) {
            h.reconciler.setUp(false);
            h.awaitSim(() -> pool.inUse() == 0 && !h.sim.model().context(1).active(), 600_000);
            h.reconciler.setUp(true);
            h.await(StateKind.ONLINE, REAL_MS);
            assertEquals(1, pool.inUse(), "cycle " + i);
        }
        h.reconciler.setUp(false);
        h.awaitSim(() -> !h.sim.model().context(1).active(), 600_000);
        h.pass(10_000);
        // Stopped, so no observation holds a temporary client (or a qmicli) at the moment of looking.
        h.reconciler.close();
        assertEquals(0, pool.inUse(), "disconnected: every client id given back, as before the first connect");
        assertEquals(0, h.sim.qmiPort().simulator().requests(QmiServices.CTL, 0x0027), "never needed a sync: nothing leaked");
        assertEquals(0, h.count("recovery"), "a disconnect asked for is not a lost session: " + h.actions);
        assertEquals(0, runner.liveChildren());
    }
}

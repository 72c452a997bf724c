package io.ltemodem.sim.qmi;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.qmi.QmiDataPlane;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.CardStatus;
import io.ltemodem.qmi.OperatingMode;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.qmi.QmicliTool;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One simulated modem, two ports: the AT pty and the QMI pty (driven by the real qmicli) see one state. What is
 * done through one shows on the other.
 */
class SimModemQmiTest {
    private static final ModemConfig V4 = ModemConfig.defaults("wwan").withApn("internet").withPdpType(ModemConfig.PdpType.IPV4);

    @TempDir
    Path dir;

    private final ScaledClock clock = new ScaledClock(20);
    private final ProcessRunner runner = new ProcessRunner();
    private SimModem sim;
    private AtChannel at;

    @AfterEach
    void tearDown() {
        if (at != null) at.close();
        runner.killAll();
        if (sim != null) sim.close();
    }

    private SimModem.Builder modem() {
        return SimModem.builder().clock(clock).bootMillis(2_000).registrationDelayMillis(1_000).qmi(true)
                .qmiPortLink(dir.resolve("cdc-wdm0"));
    }

    /** Starts the modem, waits for its firmware, opens its AT port; returns qmicli on its QMI port. */
    private QmicliTool start(SimModem.Builder b) throws Exception {
        Path qmicli = RealQmicli.require();
        sim = b.build().start();
        String atPath = sim.atPort().awaitPath(60_000);
        assertNotNull(atPath);
        await("firmware up", () -> sim.power() == PowerState.ON);
        assertNotNull(sim.qmiPath(), "the QMI port appears with the AT port");
        at = AtChannel.serial("test", clock);
        at.open(atPath);
        return new QmicliTool(qmicli.toString(), sim.qmiPath(), false, runner, RealQmicli.TEST_TIMEOUTS);
    }

    private String at(String cmd) {
        AtResult r = at.send(cmd);
        assertTrue(r.ok(), cmd + " -> " + r);
        return String.join("\n", r.lines());
    }

    @Test
    void aPinVerifiedOverQmiUnlocksWhatTheAtPortSees() throws Exception {
        QmicliTool q = start(modem().simState(SimCardState.PIN).pin("1234"));
        assertTrue(at("AT+CPIN?").contains("SIM PIN"));
        CardStatus card = q.cardStatus().value();
        assertEquals(CardStatus.App.PIN_REQUIRED, card.app());
        assertEquals(3, card.pin1Retries());

        assertTrue(PinVerifyResult.of(q.verifyPin("1234")).verified());
        assertTrue(at("AT+CPIN?").contains("READY"), "AT sees the unlock made over QMI");
        assertEquals(CardStatus.App.READY, q.cardStatus().value().app());
        assertEquals(1, sim.pinAttempts());
    }

    @Test
    void aWrongPinOverQmiCostsOneTryOnTheSameCard() throws Exception {
        QmicliTool q = start(modem().simState(SimCardState.PIN).pin("1234"));
        PinVerifyResult wrong = PinVerifyResult.of(q.verifyPin("0000"));
        assertEquals(PinVerifyResult.Outcome.INCORRECT_PIN, wrong.outcome());
        assertEquals(2, wrong.pinRetries());
        assertEquals(2, sim.pinRetriesLeft());
        assertTrue(at("AT+CPIN?").contains("SIM PIN"));
        assertTrue(at("AT+QPINC=\"SC\"").contains("\"SC\",2,"), "AT counts the try QMI used");
    }

    @Test
    void theRadioIsOneRadio() throws Exception {
        QmicliTool q = start(modem());
        assertEquals(OperatingMode.ONLINE, q.operatingMode().value());
        at("AT+CFUN=4");
        assertEquals(OperatingMode.LOW_POWER, q.operatingMode().value());
        assertTrue(q.setOperatingMode(OperatingMode.ONLINE).ok());
        assertTrue(at("AT+CFUN?").contains("+CFUN: 1"));
    }

    @Test
    void aSessionStartedOverQmiShowsInCgact() throws Exception {
        QmicliTool q = start(modem());
        await("attached", () -> sim.attached());
        QmiDataPlane plane = new QmiDataPlane(q, null, clock);
        assertTrue(plane.start(V4).ok());
        assertTrue(at("AT+CGACT?").contains("+CGACT: 1,1"), "the QMI session is context 1 on AT");
        Snapshot.Builder b = Snapshot.builder(0);
        plane.observe(V4, b);
        String address = b.build().ipConfig().value().ipv4().address();
        assertTrue(at("AT+CGPADDR=1").contains(address), "one address on both ports: " + address);

        assertTrue(sim.faults().networkDeactivatesContext(1));
        Snapshot.Builder after = Snapshot.builder(0);
        plane.observe(V4, after);
        assertFalse(after.build().contextActive(1), "QMI sees the network's deactivation");

        assertTrue(plane.start(V4).ok());
        assertTrue(plane.stop(V4).ok());
        assertTrue(at("AT+CGACT?").contains("+CGACT: 1,0"), "stopped over QMI, inactive on AT");
        assertEquals(0, sim.qmiPort().simulator().cidsInUse(QmiServices.WDS));
    }

    @Test
    void aQmiResetRebootsTheModemAndItsPortsComeBackUnderNewPaths() throws Exception {
        QmicliTool q = start(modem().simState(SimCardState.PIN).pin("1234"));
        assertTrue(PinVerifyResult.of(q.verifyPin("1234")).verified());
        String qmiBefore = sim.qmiPath();
        String atBefore = sim.currentPath();
        assertEquals(qmiBefore, Files.readSymbolicLink(dir.resolve("cdc-wdm0")).toString());

        QmiDataPlane plane = new QmiDataPlane(q, null, clock);
        assertTrue(plane.softReset().ok());
        String qmiAfter = sim.qmiPort().awaitPath(qmiBefore, 120_000);
        assertNotNull(qmiAfter, "the QMI port came back");
        assertNotEquals(qmiBefore, qmiAfter);
        assertNotEquals(atBefore, sim.atPort().awaitNewPath(atBefore, 120_000));
        assertEquals(1, sim.resetCount());
        assertEquals(qmiAfter, Files.readSymbolicLink(dir.resolve("cdc-wdm0")).toString(), "the link follows");

        await("firmware up", () -> sim.power() == PowerState.ON);
        QmicliTool again = new QmicliTool(RealQmicli.require().toString(), qmiAfter, false, runner, RealQmicli.TEST_TIMEOUTS);
        assertEquals(CardStatus.App.PIN_REQUIRED, again.cardStatus().value().app(), "a reboot locks the SIM again");
        assertEquals(OperatingMode.ONLINE, again.operatingMode().value(), "offline ended with the reboot");
    }

    @Test
    void aBootingModemDoesNotAnswerQmi() throws Exception {
        RealQmicli.require();
        sim = modem().bootMillis(600_000).usbEnumerationMillis(1_000).build().start();
        String path = sim.qmiPort().awaitPath(null, 60_000);
        assertNotNull(path, "the node exists before the firmware runs");
        QmicliTool q = new QmicliTool(RealQmicli.require().toString(), path, false, runner,
                new io.ltemodem.qmi.QmiTimeouts(1_000, 1_000, 1_000));
        assertTrue(q.operatingMode().timedOut());
        assertEquals(0, runner.liveChildren());
    }

    private static void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }
}

package io.ltemodem.engine.scenario;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimCardState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * From every start state of issue 3 to its end state, against the simulated Quectel EC25 on a real pty: the end
 * state, the path taken (events and actions) and a time bound. Modem time runs 20x faster than real time.
 */
class ReconcilerScenarioTest {
    private static final long REAL_MS = 20_000;

    @TempDir
    Path dir;
    private Harness h;

    private final ModemConfig want = ModemConfig.defaults("wwan").withApn("internet").withPin("1234");

    private Harness harness() {
        h = new Harness(dir);
        return h;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void simPinWithTheRightPinGoesOnline() throws Exception {
        harness().start(h.modem("quectel-ec25").simState(SimCardState.PIN).radio(0), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(1, h.sim.pinAttempts());
        assertTrue(h.path().contains("LOCKED(pin)"), h.path().toString());
        assertTrue(h.path().contains("RADIO_OFF"), h.path().toString());
        assertEquals(0, h.count("recovery"), h.actions.toString());
        assertTrue(h.firstAt(StateKind.ONLINE) < 60, "online within a minute of modem time: " + h.firstAt(StateKind.ONLINE));
    }

    @Test
    void aWrongPinIsTriedExactlyOnceAndParksTheModem() throws Exception {
        harness().start(h.modem("quectel-ec25").simState(SimCardState.PIN).pin("9999"), want);
        h.await(StateKind.NEEDS_USER, REAL_MS);
        assertEquals(ErrorCode.PIN_FAILED, h.reconciler.status().state().error());
        h.pass(120_000);
        assertEquals(1, h.sim.pinAttempts(), "exactly one attempt");
        assertEquals(2, h.sim.pinRetriesLeft(), "the counter went down by exactly one");
        assertEquals(StateKind.NEEDS_USER, h.reconciler.status().state().kind());
        assertEquals(0, h.count("recovery"), "a PIN problem never climbs the ladder");
    }

    @Test
    void withOneTryLeftThePinIsNotTried() throws Exception {
        harness().start(h.modem("quectel-ec25").simState(SimCardState.PIN).pinRetries(1), want);
        h.await(StateKind.NEEDS_USER, REAL_MS);
        assertEquals(ErrorCode.PIN_TRIES_BELOW_LIMIT, h.reconciler.status().state().error());
        h.pass(60_000);
        assertEquals(0, h.sim.pinAttempts());
        assertEquals(1, h.sim.pinRetriesLeft());
    }

    @Test
    void aPukIsNeverSent() throws Exception {
        harness().start(h.modem("quectel-ec25").simState(SimCardState.PUK), want);
        h.await(StateKind.NEEDS_USER, REAL_MS);
        assertEquals(ErrorCode.PUK_REQUIRED, h.reconciler.status().state().error());
        h.pass(60_000);
        assertEquals(0, h.sim.pukAttempts());
        assertEquals(0, h.count("recovery"));
    }

    @Test
    void simBusyFor20SecondsIsWaitedOut() throws Exception {
        harness().start(h.modem("quectel-ec25").simBusyAfterBootMillis(20_000), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertTrue(h.path().contains("SIM_BUSY"), h.path().toString());
        assertEquals(0, h.count("recovery"), h.actions.toString());
        assertTrue(h.firstAt(StateKind.ONLINE) >= 15, "not before the SIM was ready: " + h.firstAt(StateKind.ONLINE));
    }

    @Test
    void radioOffIsSwitchedOn() throws Exception {
        harness().start(h.modem("quectel-ec25").radio(4), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(1, h.count("radio on"));
    }

    @Test
    void searchingFor30SecondsIsWaitedOut() throws Exception {
        harness().start(h.modem("quectel-ec25").registrationDelayMillis(30_000), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertTrue(h.path().contains("SEARCHING"), h.path().toString());
        assertEquals(0, h.count("recovery"));
    }

    @Test
    void registrationDeniedNeedsAPerson() throws Exception {
        harness().start(h.modem("quectel-ec25").registrationOutcome(Registration.DENIED), want);
        h.await(StateKind.DENIED, REAL_MS);
        h.pass(300_000);
        assertEquals(StateKind.DENIED, h.reconciler.status().state().kind());
        assertEquals(0, h.count("recovery"), "denied never climbs the ladder");
        assertEquals(0, h.sim.resetCount());
    }

    @Test
    void attachedWithoutABearerStartsOne() throws Exception {
        harness().start(h.modem("quectel-ec25").defaultContext("IPV4V6", "internet"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(1, h.count("start bearer"));
        assertEquals(0, h.count("define context"), "the context already matched");
    }

    @Test
    void theNetworkDeactivatingTheContextIsRecoveredByL1WithinTwoSeconds() throws Exception {
        harness().start(h.modem("quectel-ec25"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        int before = h.states.size();
        long t0 = h.clock.millis();
        assertTrue(h.sim.faults().networkDeactivatesContext(1));
        h.await(k -> k == StateKind.RECOVERING, "recovering", REAL_MS);
        long reacted = h.clock.millis() - t0;
        assertTrue(reacted <= 2_000, "L1 within 2 s of modem time, took " + reacted + " ms");
        assertEquals("RECOVERING(1)", h.states.get(before).to().toString(), h.path().toString());
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(0, h.sim.resetCount());
    }

    @Test
    void thePortVanishingAndReturningRenamedNeedsNoReset() throws Exception {
        harness().start(h.modem("quectel-ec25"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        String before = h.sim.currentPath();
        assertTrue(h.sim.faults().portVanishes(5_000));
        h.await(k -> k != StateKind.ONLINE, "offline", REAL_MS);
        h.await(StateKind.ONLINE, REAL_MS);
        assertNotEquals(before, h.sim.currentPath());
        assertEquals(0, h.count("recovery"), h.actions.toString());
    }

    @Test
    void aSpontaneousRebootIsFollowedWithoutAReset() throws Exception {
        harness().start(h.modem("quectel-ec25"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertTrue(h.sim.faults().reboot());
        h.await(k -> k != StateKind.ONLINE, "offline", REAL_MS);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(0, h.count("recovery"), h.actions.toString());
        assertEquals(1, h.sim.resetCount(), "only the modem's own reboot");
    }
}

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
        // The event's own time, not when a poll noticed: a quick L1 is over before a busy machine looks.
        h.awaitVisited("RECOVERING(1)", REAL_MS);
        // A probe may see the session gone (CONNECTING, no IP) just before the L1; nothing else comes between.
        int l1 = before;
        while (!h.states.get(l1).to().toString().equals("RECOVERING(1)")) {
            assertEquals(StateKind.CONNECTING, h.states.get(l1).to().kind(), h.path().toString());
            l1++;
        }
        long reacted = h.states.get(l1).at() - t0;
        assertTrue(reacted <= 2_000, "L1 within 2 s of modem time, took " + reacted + " ms");
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
    @Test
    void aPoweredOffModemIsBroughtBackByPowerAfterTheUsbResetCannot() throws Exception {
        harness().start(h.modem("quectel-ec25").poweredOnAtStart(false), want);
        h.await(StateKind.ONLINE, 30_000);
        assertTrue(h.path().contains("ABSENT"), h.path().toString());
        assertTrue(h.path().contains("RECOVERING(5)"), "power is what helps: " + h.path());
        assertTrue(h.count("recovery L5") >= 1, h.actions.toString());
    }

    @Test
    void aBootingModemIsWaitedForWithoutResets() throws Exception {
        harness().start(h.modem("quectel-ec25").bootMillis(15_000), want);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(0, h.count("recovery"), h.actions.toString());
        assertTrue(h.firstAt(StateKind.ONLINE) >= 15, "not before it booted: " + h.firstAt(StateKind.ONLINE));
    }

    @Test
    void alreadyOnlineNeedsNoActionAtAll() throws Exception {
        harness().start(h.modem("quectel-ec25").autoActivateDefaultBearer(true).defaultContext("IPV4V6", "internet"),
                want, h.daemon(), sim -> {
                    // Bring it online and set it up as a previous daemon would have, before this one starts.
                    String path = sim.atPort().awaitPath(120_000);
                    assertNotNull(path);
                    h.awaitSim(() -> sim.activeContexts().contains(1), 120_000);
                    try (SimAtClient c = new SimAtClient(path)) {
                        for (String cmd : new String[]{"ATE0", "AT+CMEE=1", "AT+CEREG=2", "AT+CGEREP=2,1"}) c.ok(cmd);
                    }
                });
        h.await(StateKind.ONLINE, REAL_MS);
        h.pass(30_000);
        assertEquals(java.util.List.of(), h.actions, "no action at all");
        assertEquals(StateKind.ONLINE, h.reconciler.status().state().kind());
    }

    @Test
    void aBearerUpWithItsAddressLostIsRestarted() throws Exception {
        harness().start(h.modem("quectel-ec25").autoActivateDefaultBearer(true).defaultContext("IPV4V6", "internet"),
                want, h.daemon(), sim -> {
                    h.awaitSim(() -> sim.activeContexts().contains(1), 120_000);
                    assertTrue(sim.faults().ipLost(1));
                });
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(1, h.count("recovery L1"), h.actions.toString());
    }

    @Test
    void registrationLostComesBackByItselfOrByReRegistering() throws Exception {
        harness().start(h.modem("quectel-ec25"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        h.sim.faults().registrationLost(20_000);
        h.await(k -> k != StateKind.ONLINE, "offline", REAL_MS);
        h.await(StateKind.ONLINE, REAL_MS);
        assertEquals(0, h.sim.resetCount(), h.actions.toString());
        // Lost for good: after the searching budget the ladder re-registers (L2) and climbs from there. (A probe
        // that reads the registration just before the loss and the bearer just after it sees a lost session
        // first, and L1 comes before: reads of the modem are not atomic.)
        h.sim.faults().registrationLostForGood();
        h.awaitVisited("RECOVERING(2)", REAL_MS);
        h.sim.faults().registrationRestored();
        h.await(StateKind.ONLINE, REAL_MS);
    }

    @Test
    void aSilentAtPortClimbsToTheModemResetAndBeyond() throws Exception {
        harness().start(h.modem("quectel-ec25"), want);
        h.await(StateKind.ONLINE, REAL_MS);
        h.sim.faults().silenceUntilCleared();
        h.await(k -> k == StateKind.RECOVERING, "recovering", REAL_MS);
        assertEquals("RECOVERING(3)", h.states.get(h.states.size() - 1).to().toString(), h.path().toString());
        // The hung firmware swallows the soft reset; the USB reset restarts it.
        h.await(StateKind.ONLINE, 30_000);
        assertTrue(h.path().contains("RECOVERING(4)"), h.path().toString());
    }

    @Test
    void theResetCapQuarantinesAndNoFurtherResetHappensWithinTheHour() throws Exception {
        h = new Harness(dir, 200);
        h.start(h.modem("quectel-ec25"), want, h.daemon().withResetCap(2, 300_000));
        h.await(StateKind.ONLINE, REAL_MS);
        long t0 = h.clock.millis();
        h.sim.faults().wedge();
        h.await(StateKind.QUARANTINE, 30_000);
        long resets = h.count("recovery L3") + h.count("recovery L4") + h.count("recovery L5");
        assertEquals(2, resets, h.actions.toString());
        while (h.clock.millis() - t0 < 3_300_000L) {
            assertEquals(resets, h.count("recovery L3") + h.count("recovery L4") + h.count("recovery L5"),
                    "no reset past the cap within the hour: " + h.actions);
            Thread.sleep(50);
        }
        assertEquals(ErrorCode.QUARANTINE, h.reconciler.status().state().error());
    }
    @Test
    void aStaleHelperHoldingThePortIsStoppedAndOnlyIt() throws Exception {
        Process[] stale = new Process[2];
        try {
            harness().start(h.modem("quectel-ec25"), want, h.daemon(), sim -> {
                String path = sim.atPort().awaitPath(120_000);
                // A leftover helper with the port open and locked, and one of the same name on another node.
                stale[0] = new ProcessBuilder("flock", "-n", path, "sleep", "60").start();
                stale[1] = new ProcessBuilder("flock", "-n", dir.resolve("other.lock").toString(), "sleep", "60").start();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (io.ltemodem.sys.StaleHolders.system().holding(java.nio.file.Path.of(path)).isEmpty()
                        && System.nanoTime() < deadline) Thread.sleep(10);
            });
            h.await(StateKind.ONLINE, REAL_MS);
            assertEquals(1, h.count("stop stale helpers"), h.actions.toString());
            assertTrue(stale[0].waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "the holder was stopped");
            assertTrue(stale[1].isAlive(), "the other one was not");
        } finally {
            for (Process p : stale) if (p != null) p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}

package io.ltemodem.engine;

import io.ltemodem.sys.ManualClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LadderTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final Ladder ladder = new Ladder(clock, new Ladder.Settings(3, 300_000, 2_000, 120_000, 600_000, 1_800_000));

    private RecoveryLevel step(Problem p) {
        Ladder.Decision d = ladder.onProblem(p);
        assertInstanceOf(Ladder.Step.class, d, "expected a step, got " + d);
        return ((Ladder.Step) d).level();
    }

    @Test
    void aProblemStartsAtItsOwnLevel() {
        assertEquals(RecoveryLevel.L1_SESSION, step(Problem.SESSION_LOST));
        Ladder other = new Ladder(clock, Ladder.Settings.defaults());
        assertEquals(RecoveryLevel.L3_MODEM, ((Ladder.Step) other.onProblem(Problem.NOT_RESPONDING)).level());
        Ladder third = new Ladder(clock, Ladder.Settings.defaults());
        assertEquals(RecoveryLevel.L2_RADIO, ((Ladder.Step) third.onProblem(Problem.REGISTRATION_TIMEOUT)).level());
    }

    @Test
    void levelsTheDriversCannotTakeAreClimbedPast() {
        // A modem without a control plane: only the host can reset it.
        java.util.function.Predicate<RecoveryLevel> hostOnly = l -> l == RecoveryLevel.L0_REPROBE || l.ordinal() >= RecoveryLevel.L4_USB.ordinal();
        assertEquals(RecoveryLevel.L4_USB, ((Ladder.Step) ladder.onProblem(Problem.DATA_PATH_DEAD, hostOnly)).level());
        clock.advance(2_000);
        assertEquals(RecoveryLevel.L5_POWER, ((Ladder.Step) ladder.onProblem(Problem.DATA_PATH_DEAD, hostOnly)).level());
        // MBIM without AT: no soft reset, so a silent port goes straight to the USB reset.
        Ladder mbim = new Ladder(clock, Ladder.Settings.defaults());
        assertEquals(RecoveryLevel.L4_USB, ((Ladder.Step) mbim.onProblem(Problem.NOT_RESPONDING, l -> l != RecoveryLevel.L3_MODEM)).level());
        Ladder session = new Ladder(clock, Ladder.Settings.defaults());
        assertEquals(RecoveryLevel.L1_SESSION, ((Ladder.Step) session.onProblem(Problem.SESSION_LOST, l -> l != RecoveryLevel.L3_MODEM)).level());
    }

    @Test
    void consecutiveFailuresClimbAfterABackoff() {
        assertEquals(RecoveryLevel.L1_SESSION, step(Problem.DATA_PATH_DEAD));
        Ladder.Decision tooSoon = ladder.onProblem(Problem.DATA_PATH_DEAD);
        assertEquals(new Ladder.Wait(clock.millis() + 2_000), tooSoon);
        clock.advance(2_000);
        assertEquals(RecoveryLevel.L2_RADIO, step(Problem.DATA_PATH_DEAD));
        clock.advance(3_999);
        assertInstanceOf(Ladder.Wait.class, ladder.onProblem(Problem.DATA_PATH_DEAD), "backoff doubled to 4 s");
        clock.advance(1);
        assertEquals(RecoveryLevel.L3_MODEM, step(Problem.DATA_PATH_DEAD));
        clock.advance(8_000);
        assertEquals(RecoveryLevel.L4_USB, step(Problem.DATA_PATH_DEAD));
        clock.advance(16_000);
        assertEquals(RecoveryLevel.L5_POWER, step(Problem.DATA_PATH_DEAD));
        assertEquals(3, ladder.resetsLastHour());
    }

    @Test
    void aStablePeriodDropsBackToL0() {
        assertEquals(RecoveryLevel.L1_SESSION, step(Problem.SESSION_LOST));
        clock.advance(2_000);
        assertEquals(RecoveryLevel.L2_RADIO, step(Problem.SESSION_LOST));
        ladder.onHealthy();
        clock.advance(299_999);
        ladder.onHealthy();
        assertEquals(RecoveryLevel.L2_RADIO, ladder.currentLevel(), "not yet stable");
        clock.advance(1);
        ladder.onHealthy();
        assertEquals(RecoveryLevel.L0_REPROBE, ladder.currentLevel());
        assertEquals(RecoveryLevel.L1_SESSION, step(Problem.SESSION_LOST), "starts over at the problem's level");
    }

    @Test
    void theResetCapQuarantinesAndNoFourthResetHappensWithinTheHour() {
        long first = clock.millis();
        for (int i = 0; i < 3; i++) {
            Ladder fresh = ladder;
            assertEquals(i == 0 ? RecoveryLevel.L3_MODEM : (i == 1 ? RecoveryLevel.L4_USB : RecoveryLevel.L5_POWER),
                    step(Problem.NOT_RESPONDING));
            clock.advance(130_000);
            assertSame(fresh, ladder);
        }
        // Up to the end of the hour that began with the first reset, every further problem is quarantined.
        int quarantines = 0;
        while (clock.millis() < first + 3_600_000L - 1) {
            Ladder.Decision d = ladder.onProblem(Problem.NOT_RESPONDING);
            assertFalse(d instanceof Ladder.Step s && s.level().isReset(), "a 4th reset within the hour: " + d);
            if (d instanceof Ladder.Quarantine q) {
                quarantines++;
                assertEquals(first + 3_600_000L, q.until());
                assertEquals(3, q.resetsLastHour());
                assertTrue(ladder.quarantined());
            }
            clock.advance(60_000);
        }
        assertTrue(quarantines > 0);
        clock.advance(3_600_000L);
        Ladder.Decision after = ladder.onProblem(Problem.NOT_RESPONDING);
        assertInstanceOf(Ladder.Step.class, after, "the cap frees once the hour has passed");
    }

    @Test
    void afterL5ItGivesUpLoudlyAndRetriesSlowly() {
        step(Problem.DEVICE_GONE); // L4
        clock.advance(120_000);
        assertEquals(RecoveryLevel.L5_POWER, step(Problem.DEVICE_GONE));
        clock.advance(120_000);
        Ladder.Decision d = ladder.onProblem(Problem.DEVICE_GONE);
        assertEquals(RecoveryLevel.L6_GIVE_UP, ((Ladder.Step) d).level());
        assertInstanceOf(Ladder.Wait.class, ladder.onProblem(Problem.DEVICE_GONE));
        clock.advance(1_800_000);
        assertEquals(RecoveryLevel.L4_USB, step(Problem.DEVICE_GONE), "starts over after the long pause");
    }

    @Test
    void manualResetsCountAgainstTheCap() {
        for (int i = 0; i < 3; i++) assertInstanceOf(Ladder.Step.class, ladder.manual(RecoveryLevel.L3_MODEM));
        assertInstanceOf(Ladder.Quarantine.class, ladder.manual(RecoveryLevel.L4_USB));
        assertInstanceOf(Ladder.Step.class, ladder.manual(RecoveryLevel.L1_SESSION), "not a reset: allowed");
    }
}

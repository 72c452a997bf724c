package io.ltemodem.engine;

import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class PinPolicyTest {
    @TempDir
    Path dir;

    private PinPolicy policy() {
        return new PinPolicy(new RejectedPins(dir.resolve("rejected-pins")));
    }

    private static SimStatus pin(Integer tries) {
        return new SimStatus(SimState.PIN, tries, 10);
    }

    @Test
    void sendsOnlyWhenAskedAndWithTwoOrMoreTries() {
        PinPolicy p = policy();
        assertEquals(new PinPolicy.NotNeeded(), p.decide(new SimStatus(SimState.READY, 3, 10), "1234", "89"));
        assertEquals(new PinPolicy.SendPin("1234"), p.decide(pin(3), "1234", "89"));
        assertEquals(new PinPolicy.SendPin("1234"), p.decide(pin(2), "1234", "89"));
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.PIN_TRIES_BELOW_LIMIT), p.decide(pin(1), "1234", "89"));
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.PIN_TRIES_BELOW_LIMIT), p.decide(pin(null), "1234", "89"));
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.PIN_REQUIRED), p.decide(pin(3), "", "89"));
    }

    @Test
    void neverSendsAPuk() {
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.PUK_REQUIRED),
                policy().decide(new SimStatus(SimState.PUK, 0, 10), "1234", "89"));
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.SIM_LOCKED_OTHER),
                policy().decide(new SimStatus(SimState.PH_LOCK, null, null), "1234", "89"));
    }

    @Test
    void aRejectedPinIsRememberedAcrossRestartsUntilThePinChanges() throws Exception {
        policy().rejected("8949000000000000001", "1111");
        Path file = dir.resolve("rejected-pins");
        assertFalse(Files.readString(file).contains("1111"), "no PIN in the file");
        PinPolicy restarted = policy();
        assertEquals(new PinPolicy.NeedsUser(ErrorCode.PIN_FAILED), restarted.decide(pin(3), "1111", "8949000000000000001"));
        assertEquals(new PinPolicy.SendPin("2222"), restarted.decide(pin(3), "2222", "8949000000000000001"));
        assertEquals(new PinPolicy.SendPin("1111"), restarted.decide(pin(3), "1111", "8949000000000000002"),
                "another SIM");
        assertFalse(new PinPolicy.SendPin("1234").toString().contains("1234"));
    }
}

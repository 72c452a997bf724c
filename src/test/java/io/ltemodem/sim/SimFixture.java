package io.ltemodem.sim;

import io.ltemodem.sys.ScaledClock;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared set-up: simulators on a fast clock, connections, and polling with deadlines. */
final class SimFixture {
    /** 50× real time: a 12 s boot takes 240 ms. */
    static final double SPEED = 50;
    /** A generous bound in modem time (10 s real at 50×) for anything that should happen. */
    static final long MODEM_WAIT = 500_000;

    private SimFixture() {
    }

    static SimModem.Builder fast() {
        return SimModem.builder().clock(new ScaledClock(SPEED)).bootMillis(5000).registrationDelayMillis(2000);
    }

    /** Waits for the port, opens it, waits for the firmware, and swallows the boot URCs with {@code ATE0}. */
    static AtTestPort connectReady(SimModem sim) throws InterruptedException {
        String path = sim.atPort().awaitPath(MODEM_WAIT);
        assertNotNull(path, "AT port appeared");
        AtTestPort port = AtTestPort.open(path);
        await("firmware up", () -> sim.power() == PowerState.ON);
        String r = port.command("ATE0");
        if (!r.endsWith("ATE0\r\r\nOK\r\n")) fail("ATE0 answered " + AtTestPort.show(r));
        return port;
    }

    /** Polls {@code fact} every few ms until true; fails after 10 s real. */
    static void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    static void assertReply(AtTestPort port, String command, String expected) {
        assertEquals(AtTestPort.show(expected), AtTestPort.show(port.command(command)), command);
    }
}

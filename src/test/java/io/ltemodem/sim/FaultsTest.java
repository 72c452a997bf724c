package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import static io.ltemodem.sim.SimFixture.MODEM_WAIT;
import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {
    @Test
    void silenceSwallowsCommandsUntilItEnds() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().silence(25_000);
            port.send("AT+CGMI");
            assertEquals("", port.readFor(150), "hung firmware says nothing");
            await("silence over", () -> !sim.atPort().faults().silent());
            assertReply(port, "AT", "\r\nOK\r\n");
            assertTrue(sim.commandLog().contains("AT+CGMI"), "the swallowed command was received");

            sim.faults().silenceUntilCleared();
            sim.faults().injectUrc("+CEREG: 1");
            port.send("AT");
            assertEquals("", port.readFor(150), "not even URCs");
            sim.faults().speak();
            assertReply(port, "AT", "\r\nOK\r\n");
        }
    }

    @Test
    void garbageIsWrittenAtALineBoundary() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().garbage(40);
            String noise = port.readFor(200);
            assertEquals(40, noise.length(), AtTestPort.show(noise));
            assertFalse(noise.contains("\r") || noise.contains("\n"), "no line ends inside the noise");
            assertTrue(noise.chars().anyMatch(c -> c >= 0x80), "not only ASCII");
            assertReply(port, "AT", "\r\nOK\r\n");
        }
    }

    @Test
    void slowRepliesKeepTheEchoButDelayTheAnswer() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "ATE1", "\r\nOK\r\n");
            sim.faults().slowReplies(30_000);
            long sent = sim.clock().millis();
            port.send("AT+CGMI");
            assertEquals("AT+CGMI\r", port.readUntil("\r"), "the echo comes at once");
            assertTrue(sim.clock().millis() - sent < 30_000);
            assertEquals(AtTestPort.show("\r\nQuectel\r\n\r\nOK\r\n"), AtTestPort.show(port.readUntilFinal()));
            assertTrue(sim.clock().millis() - sent >= 30_000, "the answer waited");
            sim.faults().slowReplies(0);
        }
    }

    @Test
    void aUrcArrivingDuringASlowReplyComesFirst() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().slowReplies(30_000);
            port.send("AT+CSQ");
            await("command received", () -> sim.commandLog().contains("AT+CSQ"));
            sim.faults().injectUrc("+CEREG: 2");
            assertEquals(AtTestPort.show("\r\n+CEREG: 2\r\n\r\n+CSQ: 24,99\r\n\r\nOK\r\n"), AtTestPort.show(port.readUntilFinal()));
        }
    }

    @Test
    void aUrcSlipsBetweenInformationLinesAndTheFinalResult() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().urcInNextResponse("+CEREG: 2");
            assertReply(port, "AT+CGMI;+CGMM", "\r\nQuectel\r\n\r\nEC25\r\n\r\n+CEREG: 2\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGMI", "\r\nQuectel\r\n\r\nOK\r\n"); // only once
        }
    }

    @Test
    void fragmentedRepliesArriveInPiecesButWhole() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().fragmentReplies(3, 1000);
            long sent = sim.clock().millis();
            // "\r\nQuectel\r\n" (11 bytes) = 4 pieces, 3 gaps; "\r\nEC25\r\n" (8) 2 gaps; "\r\nOK\r\n" (6) 1 gap
            assertReply(port, "AT+CGMI;+CGMM", "\r\nQuectel\r\n\r\nEC25\r\n\r\nOK\r\n");
            assertTrue(sim.clock().millis() - sent >= 6000, "written with gaps");
            sim.faults().clearPortFaults();
            assertReply(port, "AT", "\r\nOK\r\n");
        }
    }

    @Test
    void echoComesBackUninvited() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT", "\r\nOK\r\n");
            sim.faults().echoOn();
            assertReply(port, "AT", "AT\r\r\nOK\r\n");
        }
    }

    @Test
    void urcStorms() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.faults().urcStorm(300, 0);
            String storm = port.readUntil(text -> {
                int n = text.split("\\+CEREG: 1\r\n", -1).length - 1;
                return n >= 300 ? text.length() : -1;
            }, AtTestPort.WAIT_MS, "300 URCs");
            assertEquals("\r\n+CEREG: 1\r\n".repeat(300), storm);
            sim.faults().urcStorm(5, 1000, "+CSQ: 5,99");
            String spaced = port.readUntil(text -> text.split("CSQ", -1).length - 1 >= 5 ? text.length() : -1,
                    AtTestPort.WAIT_MS, "5 URCs");
            assertEquals("\r\n+CSQ: 5,99\r\n".repeat(5), spaced);
            assertReply(port, "AT", "\r\nOK\r\n");
        }
    }

    @Test
    void thePortVanishesAndReappearsUnderANewPathWhileTheModemRunsOn() throws Exception {
        try (SimModem sim = fast().build().start()) {
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                await("registered", () -> sim.registration().registered());
                assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n");
                long gone = sim.clock().millis();
                assertTrue(sim.faults().portVanishes(20_000));
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
                String after = sim.atPort().awaitNewPath(before, MODEM_WAIT);
                assertNotNull(after);
                assertNotEquals(before, after);
                assertTrue(sim.clock().millis() - gone >= 20_000);
                try (AtTestPort again = AtTestPort.open(after)) {
                    assertReply(again, "AT", "\r\nOK\r\n"); // no reboot: echo still off
                    assertTrue(again.command("AT+CGACT?").contains("+CGACT: 1,1"), "the session survived");
                }
            }
            assertEquals(0, sim.resetCount());
            assertEquals(1, sim.bootCount());
        }
    }

    @Test
    void theModemRebootsByItself() throws Exception {
        try (SimModem sim = fast().build().start()) {
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                assertTrue(sim.faults().reboot());
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            }
            String after = sim.atPort().awaitNewPath(before, MODEM_WAIT);
            try (AtTestPort port = AtTestPort.open(after)) {
                assertEquals("\r\nRDY\r\n", port.readUntil("RDY\r\n"));
            }
            assertEquals(1, sim.resetCount());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closeEndsEveryThreadEvenWithAStormNobodyReads() throws Exception {
        SimModem sim = fast().name("leakcheck").build().start();
        await("firmware up", () -> sim.power() == PowerState.ON);
        sim.faults().urcStorm(4000, 0); // ~50 KB: more than a pty buffers, so the writer blocks
        int[] last = {-1};
        await("writer stuck on the full pty", () -> {
            int now = sim.atPort().pendingOutput();
            boolean stuck = now > 0 && now == last[0];
            last[0] = now;
            if (!stuck) sleepQuietly(100); // a stuck writer shows the same count 100 ms apart
            return stuck;
        });
        sim.close();
        await("threads ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sim-leakcheck")));
        assertEquals(null, sim.currentPath());
    }
}

package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimCardTest {
    private static SimModem lockedSim() {
        return fast().pin("1234").puk("12345678").simState(SimCardState.PIN).build().start();
    }

    @Test
    void rightPinUnlocksAnnouncesReadyAndRegisters() throws Exception {
        try (SimModem sim = lockedSim(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
            assertReply(port, "AT+CPINR", "\r\n+CPINR: SIM PIN,3,3\r\n\r\n+CPINR: SIM PUK,10,10\r\n\r\nOK\r\n");
            assertReply(port, "AT+CIMI", "\r\n+CME ERROR: 11\r\n");
            assertReply(port, "AT+QCCID", "\r\n+QCCID: 89490200000123456787\r\n\r\nOK\r\n"); // readable while locked
            assertEquals(Registration.NOT_REGISTERED, sim.registration());

            assertReply(port, "AT+CPIN=\"1234\"", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CPIN: READY\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n"),
                    AtTestPort.show(port.readUntil("+QIND: PB DONE\r\n")), "URCs follow the OK");
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            assertEquals(1, sim.pinAttempts());
            assertEquals(3, sim.pinRetriesLeft());
            await("registered", () -> sim.registration() == Registration.HOME);
        }
    }

    @Test
    void eachWrongPinCostsExactlyOneTryAndTheLastOneAsksForThePuk() throws Exception {
        try (SimModem sim = lockedSim(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPIN=\"0000\"", "\r\n+CME ERROR: 16\r\n");
            assertEquals(2, sim.pinRetriesLeft());
            assertReply(port, "AT+QPINC?", "\r\n+QPINC: \"SC\",2,10\r\n\r\n+QPINC: \"P2\",3,10\r\n\r\nOK\r\n");
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n");
            assertReply(port, "AT+CPIN=1111", "\r\n+CME ERROR: 16\r\n");
            assertEquals(1, sim.pinRetriesLeft());
            assertReply(port, "AT+CPIN=\"2222\"", "\r\n+CME ERROR: 16\r\n");
            assertEquals(AtTestPort.show("\r\n+CPIN: SIM PUK\r\n"), AtTestPort.show(port.readUntil("SIM PUK\r\n")));
            assertEquals(0, sim.pinRetriesLeft());
            assertEquals(SimCardState.PUK, sim.simState());
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n");
            assertReply(port, "AT+CPINR=\"SIM*\"", "\r\n+CPINR: SIM PIN,0,3\r\n\r\n+CPINR: SIM PUK,10,10\r\n\r\nOK\r\n");
            // a PIN alone no longer helps and costs nothing
            assertReply(port, "AT+CPIN=\"1234\"", "\r\n+CME ERROR: 12\r\n");
            assertEquals(3, sim.pinAttempts());
            assertEquals(10, sim.pukRetriesLeft());
        }
    }

    @Test
    void pukSetsANewPinThatSurvivesAReboot() throws Exception {
        try (SimModem sim = fast().simState(SimCardState.PUK).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPIN=\"11111111\",\"4321\"", "\r\n+CME ERROR: 16\r\n");
            assertEquals(9, sim.pukRetriesLeft());
            assertReply(port, "AT+CPIN=\"12345678\",\"4321\"", "\r\nOK\r\n");
            port.readUntil("+CPIN: READY\r\n");
            assertEquals(SimCardState.READY, sim.simState());
            assertEquals(3, sim.pinRetriesLeft());
            assertEquals(10, sim.pukRetriesLeft());
            assertEquals(2, sim.pukAttempts());
        }
        // the new PIN is the card's: a fresh boot asks for it
        try (SimModem sim = lockedSim(); AtTestPort port = connectReady(sim)) {
            String before = port.path();
            assertReply(port, "AT+CFUN=1,1", "\r\nOK\r\n");
            String after = sim.atPort().awaitNewPath(before, SimFixture.MODEM_WAIT);
            try (AtTestPort again = AtTestPort.open(after)) {
                again.readUntil("+CPIN: SIM PIN\r\n\r\n+QUSIM: 1\r\n");
                assertReply(again, "AT+CPIN=\"1234\"", "AT+CPIN=\"1234\"\r\r\nOK\r\n");
            }
        }
    }

    @Test
    void tenWrongPuksBlockTheCard() throws Exception {
        try (SimModem sim = fast().simState(SimCardState.PUK).build().start(); AtTestPort port = connectReady(sim)) {
            for (int i = 9; i >= 0; i--) {
                assertReply(port, "AT+CPIN=\"00000000\",\"1111\"", "\r\n+CME ERROR: 16\r\n");
                assertEquals(i, sim.pukRetriesLeft());
            }
            assertEquals(AtTestPort.show("\r\n+CPIN: NOT READY\r\n"), AtTestPort.show(port.readUntil("NOT READY\r\n")));
            assertEquals(SimCardState.BLOCKED, sim.simState());
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: 13\r\n");
        }
    }

    @Test
    void pinWhenNoneIsPendingIsRefusedWithoutCost() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPIN=\"1234\"", "\r\n+CME ERROR: 3\r\n");
            assertEquals(0, sim.pinAttempts());
            assertEquals(3, sim.pinRetriesLeft());
        }
    }

    @Test
    void pinsAndPuksNeverReachTheCommandLog() throws Exception {
        try (SimModem sim = fast().simState(SimCardState.PIN).build().start(); AtTestPort port = connectReady(sim)) {
            port.command("AT+CPIN=\"9876\"");
            port.command("AT+CPIN=\"1234\"");
            port.command("AT+CLCK=\"SC\",0,\"1234\"");
            port.command("AT+CPIN=\"12345678\",\"5555\"");
            String log = String.join("\n", sim.commandLog());
            assertTrue(log.contains("AT+CPIN=\"****\""), log);
            assertTrue(log.contains("AT+CLCK=\"SC\",0,\"****\""), log);
            assertTrue(log.contains("AT+CPIN=\"****\",\"****\""), log);
            for (String secret : new String[]{"9876", "1234", "12345678", "5555"}) assertFalse(log.contains(secret), log);
        }
    }

    @Test
    void clckSwitchesThePinRequestForTheNextBoot() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CLCK=\"SC\",2", "\r\n+CLCK: 0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CLCK=\"SC\",1,\"0000\"", "\r\n+CME ERROR: 16\r\n");
            assertEquals(2, sim.pinRetriesLeft());
            assertReply(port, "AT+CLCK=\"SC\",1,\"1234\"", "\r\nOK\r\n");
            assertReply(port, "AT+CLCK=\"SC\",2", "\r\n+CLCK: 1\r\n\r\nOK\r\n");
            assertEquals(SimCardState.READY, sim.simState(), "already unlocked in this boot");
            sim.faults().reboot();
            await("locked after reboot", () -> sim.power() == PowerState.ON && sim.simState() == SimCardState.PIN);
        }
    }

    @Test
    void simBusyAfterBootThenReady() throws Exception {
        try (SimModem sim = fast().simBusyAfterBootMillis(40_000).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: 14\r\n");
            assertReply(port, "AT+CIMI", "\r\n+CME ERROR: 14\r\n");
            assertEquals(Registration.NOT_REGISTERED, sim.registration(), "no registration without a SIM");
            assertEquals(AtTestPort.show("\r\n+CPIN: READY\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n"),
                    AtTestPort.show(port.readUntil("+QIND: PB DONE\r\n")));
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME);
        }
    }

    @Test
    void simBusyFaultForAWhile() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            await("registered", () -> sim.registration() == Registration.HOME);
            sim.faults().simBusy(30_000);
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: 14\r\n");
            assertReply(port, "AT+CPIN=\"1234\"", "\r\n+CME ERROR: 14\r\n");
            assertEquals(0, sim.pinAttempts());
            assertEquals(Registration.HOME, sim.registration(), "a busy SIM does not drop the registration");
            port.readUntil("+CPIN: READY\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n");
            assertReply(port, "AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
        }
    }

    @Test
    void simRemovedAndInsertedAgain() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CGEREP=2,1", "\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME && sim.attached());
            sim.faults().simRemoved();
            assertEquals(AtTestPort.show("\r\n+CPIN: NOT READY\r\n\r\n+CGEV: ME DETACH\r\n"),
                    AtTestPort.show(port.readUntil("+CGEV: ME DETACH\r\n")));
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: 10\r\n");
            assertEquals(Registration.NOT_REGISTERED, sim.registration());
            sim.faults().simInserted();
            port.readUntil("+CPIN: READY\r\n");
            await("registered again", () -> sim.registration() == Registration.HOME);
        }
    }
}

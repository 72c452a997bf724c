package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import static io.ltemodem.sim.SimFixture.MODEM_WAIT;
import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AtFramingTest {
    @Test
    void bootAnnouncesRdyAndSimThenAnswersWithEchoOn() throws Exception {
        try (SimModem sim = fast().build().start()) {
            String path = sim.atPort().awaitPath(MODEM_WAIT);
            assertNotNull(path);
            try (AtTestPort port = AtTestPort.open(path)) {
                assertEquals(AtTestPort.show("\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\n+QIND: PB DONE\r\n"),
                        AtTestPort.show(port.readUntil("+QIND: PB DONE\r\n")));
                assertReply(port, "AT", "AT\r\r\nOK\r\n");
                assertEquals(1, sim.bootCount());
            }
        }
    }

    @Test
    void lockedSimIsAnnouncedAtBoot() throws Exception {
        try (SimModem sim = fast().simState(SimCardState.PIN).build().start();
             AtTestPort port = AtTestPort.open(sim.atPort().awaitPath(MODEM_WAIT))) {
            assertEquals(AtTestPort.show("\r\nRDY\r\n\r\n+CPIN: SIM PIN\r\n\r\n+QUSIM: 1\r\n"),
                    AtTestPort.show(port.readUntil("+QUSIM: 1\r\n")));
        }
    }

    @Test
    void portAppearsDuringBootButStaysSilentUntilTheFirmwareIsUp() throws Exception {
        try (SimModem sim = fast().bootMillis(60_000).usbEnumerationMillis(1000).build().start();
             AtTestPort port = AtTestPort.open(sim.atPort().awaitPath(MODEM_WAIT))) {
            assertEquals(PowerState.BOOTING, sim.power());
            port.send("AT");
            assertEquals("", port.readFor(300), "a booting module does not answer");
            await("firmware up", () -> sim.power() == PowerState.ON);
            port.readUntil("+QIND: PB DONE\r\n");
            assertReply(port, "AT", "AT\r\r\nOK\r\n");
        }
    }

    @Test
    void responsesAreFramedLikeARealModem() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT", "\r\nOK\r\n");
            assertReply(port, "AT+CGMI", "\r\nQuectel\r\n\r\nOK\r\n");
            assertReply(port, "ATI", "\r\nQuectel\r\n\r\nEC25\r\n\r\nRevision: EC25EFAR06A06M4G\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGSN", "\r\n867962041234561\r\n\r\nOK\r\n");
            assertReply(port, "AT+CIMI", "\r\n262011234567890\r\n\r\nOK\r\n");
            assertReply(port, "AT+QCCID", "\r\n+QCCID: 89490200000123456787\r\n\r\nOK\r\n");
            assertReply(port, "AT+ICCID", "\r\n+ICCID: 89490200000123456787\r\n\r\nOK\r\n");
            assertReply(port, "AT+NOSUCH", "\r\nERROR\r\n");
            assertReply(port, "AT+CICCID", "\r\nERROR\r\n"); // SIMCom's, not Quectel's
            assertReply(port, "at+cgmm", "\r\nEC25\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGMI;+CGMM", "\r\nQuectel\r\n\r\nEC25\r\n\r\nOK\r\n");
        }
    }

    @Test
    void crLfTerminatorsAndLeadingNoiseAreTolerated() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            port.write("AT\r\n");
            assertEquals(AtTestPort.show("\r\nOK\r\n"), AtTestPort.show(port.readUntilFinal()));
            port.write("\u0000~~AT+CGMM\r\n");
            assertEquals(AtTestPort.show("\r\nEC25\r\n\r\nOK\r\n"), AtTestPort.show(port.readUntilFinal()));
            assertEquals("", port.readFor(100), "nothing more (the LF is not a second line)");
        }
    }

    @Test
    void severalCommandsOnOneLineRunInOrderAndStopAtTheFirstError() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+COPS=2;+CFUN=4", "\r\nOK\r\n");
            assertEquals(4, sim.cfun());
            assertEquals(2, sim.model().copsMode());
            assertReply(port, "AT+NOSUCH;+CFUN=1", "\r\nERROR\r\n");
            assertEquals(4, sim.cfun(), "the command after the failing one did not run");
            assertReply(port, "ATE0V1+CMEE=2", "\r\nOK\r\n");
            assertReply(port, "AT+CMEE?", "\r\n+CMEE: 2\r\n\r\nOK\r\n");
        }
    }

    @Test
    void cmeeSelectsPlainNumericOrTextErrors() throws Exception {
        try (SimModem sim = fast().simState(SimCardState.ABSENT).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CMEE?", "\r\n+CMEE: 1\r\n\r\nOK\r\n"); // the EC25's default
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: 10\r\n");
            assertReply(port, "AT+CMEE=0", "\r\nOK\r\n");
            assertReply(port, "AT+CPIN?", "\r\nERROR\r\n");
            assertReply(port, "AT+CMEE=2", "\r\nOK\r\n");
            assertReply(port, "AT+CPIN?", "\r\n+CME ERROR: SIM not inserted\r\n");
            assertReply(port, "AT+CIMI", "\r\n+CME ERROR: SIM not inserted\r\n");
            assertReply(port, "AT+CMEE=3", "\r\n+CME ERROR: incorrect parameters\r\n");
            assertReply(port, "AT+NOSUCH", "\r\nERROR\r\n"); // unknown commands stay plain ERROR
        }
    }

    @Test
    void numericResultCodesWithV0() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            port.send("ATV0");
            assertEquals(AtTestPort.show("0\r"), AtTestPort.show(port.readUntil("0\r")));
            port.send("AT+CGMI");
            assertEquals(AtTestPort.show("Quectel\r\n0\r"), AtTestPort.show(port.readUntil("0\r")));
            port.send("AT+NOSUCH");
            assertEquals(AtTestPort.show("4\r"), AtTestPort.show(port.readUntil("4\r")));
            port.send("ATV1");
            assertEquals(AtTestPort.show("\r\nOK\r\n"), AtTestPort.show(port.readUntilFinal()));
        }
    }
}

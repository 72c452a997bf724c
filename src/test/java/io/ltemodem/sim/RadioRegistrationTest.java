package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadioRegistrationTest {
    private static final String LOC = ",\"1A2B\",\"01A2B3C4\",7";

    @Test
    void cfunTurnsTheRadioOnAndOff() throws Exception {
        try (SimModem sim = fast().radio(0).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CFUN?", "\r\n+CFUN: 0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CEREG?", "\r\n+CEREG: 0,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CSQ", "\r\n+CSQ: 99,99\r\n\r\nOK\r\n");
            assertReply(port, "AT+CFUN=1", "\r\nOK\r\n");
            assertReply(port, "AT+CFUN?", "\r\n+CFUN: 1\r\n\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME);
            assertReply(port, "AT+CSQ", "\r\n+CSQ: 24,99\r\n\r\nOK\r\n");
            assertReply(port, "AT+CFUN=4", "\r\nOK\r\n");
            assertEquals(Registration.NOT_REGISTERED, sim.registration());
            assertFalse(sim.attached());
            assertReply(port, "AT+CEREG?", "\r\n+CEREG: 0,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CFUN=7", "\r\n+CME ERROR: 50\r\n");
            assertReply(port, "AT+CFUN=?", "\r\n+CFUN: (0,1,4),(0-1)\r\n\r\nOK\r\n");
            assertEquals(0, sim.resetCount());
        }
    }

    @Test
    void registrationTakesItsDelayAndIsReportedWithLocation() throws Exception {
        try (SimModem sim = fast().radio(0).registrationDelayMillis(20_000).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CEREG=2;+CREG=1", "\r\nOK\r\n");
            long on = sim.clock().millis();
            assertReply(port, "AT+CFUN=1", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CREG: 2\r\n\r\n+CEREG: 2\r\n"), AtTestPort.show(port.readUntil("+CEREG: 2\r\n")));
            assertReply(port, "AT+CEREG?", "\r\n+CEREG: 2,2\r\n\r\nOK\r\n");
            assertReply(port, "AT+COPS?", "\r\n+COPS: 0\r\n\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CREG: 1\r\n\r\n+CEREG: 1" + LOC + "\r\n"),
                    AtTestPort.show(port.readUntil("+CEREG: 1" + LOC + "\r\n")));
            assertTrue(sim.clock().millis() - on >= 20_000, "registered only after the configured delay");
            assertReply(port, "AT+CEREG?", "\r\n+CEREG: 2,1" + LOC + "\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGREG?", "\r\n+CGREG: 0,1\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGATT?", "\r\n+CGATT: 1\r\n\r\nOK\r\n"); // attached on registration
            assertReply(port, "AT+COPS?", "\r\n+COPS: 0,0,\"Telekom.de\",7\r\n\r\nOK\r\n");
            assertReply(port, "AT+COPS=3,2", "\r\nOK\r\n");
            assertReply(port, "AT+COPS?", "\r\n+COPS: 0,2,\"26201\",7\r\n\r\nOK\r\n");
            assertReply(port, "AT+COPS=3,1;+COPS?", "\r\n+COPS: 0,1,\"Telekom\",7\r\n\r\nOK\r\n");
        }
    }

    @Test
    void roamingOutcome() throws Exception {
        try (SimModem sim = fast().registrationOutcome(Registration.ROAMING).build().start(); AtTestPort port = connectReady(sim)) {
            await("roaming", () -> sim.registration() == Registration.ROAMING);
            assertReply(port, "AT+CEREG=2;+CEREG?", "\r\n+CEREG: 2,5" + LOC + "\r\n\r\nOK\r\n");
            assertTrue(sim.attached());
        }
    }

    @Test
    void deniedOutcomeLeavesTheModemUnattached() throws Exception {
        try (SimModem sim = fast().radio(4).registrationOutcome(Registration.DENIED).build().start();
             AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CEREG=1", "\r\nOK\r\n");
            port.command("AT+CFUN=1");
            assertEquals(AtTestPort.show("\r\n+CEREG: 2\r\n\r\n+CEREG: 3\r\n"), AtTestPort.show(port.readUntil("+CEREG: 3\r\n")));
            assertReply(port, "AT+CGATT?", "\r\n+CGATT: 0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGATT=1", "\r\n+CME ERROR: 30\r\n");
            assertReply(port, "AT+CGACT=1,1", "\r\n+CME ERROR: 30\r\n");
            assertReply(port, "AT+QENG=\"servingcell\"", "\r\n+QENG: \"servingcell\",\"LIMSRV\",\"LTE\",\"FDD\",262,01,1A2B3C4,123,1300,3,5,5,1A2B,-95,-10,-65,160,10,-,40\r\n\r\nOK\r\n");
            // the operator lets us in after all: the outcome changes at once
            sim.model().setRegistrationOutcome(Registration.HOME);
            assertEquals(AtTestPort.show("\r\n+CEREG: 1\r\n"), AtTestPort.show(port.readUntil("+CEREG: 1\r\n")));
            assertTrue(sim.attached());
        }
    }

    @Test
    void copsDeregistersAndRegistersAgain() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            await("registered", () -> sim.registration() == Registration.HOME);
            assertReply(port, "AT+CEREG=1;+CGEREP=2,1", "\r\nOK\r\n");
            assertReply(port, "AT+COPS=2", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CGEV: ME DETACH\r\n\r\n+CEREG: 0\r\n"),
                    AtTestPort.show(port.readUntil("+CEREG: 0\r\n")), "URCs of a command follow its OK");
            assertReply(port, "AT+COPS?", "\r\n+COPS: 2\r\n\r\nOK\r\n");
            assertReply(port, "AT+COPS=0", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CEREG: 2\r\n"), AtTestPort.show(port.readUntil("+CEREG: 2\r\n")));
            assertEquals(AtTestPort.show("\r\n+CEREG: 1\r\n"), AtTestPort.show(port.readUntil("+CEREG: 1\r\n")));
            assertReply(port, "AT+COPS=1,2,\"26201\"", "\r\nOK\r\n");
            assertReply(port, "AT+COPS=1,2,\"99999\"", "\r\n+CME ERROR: 30\r\n");
        }
    }

    @Test
    void lteOnlyPersonaKeepsCregAtZero() throws Exception {
        try (SimModem sim = fast().persona("fibocom-l850").build().start(); AtTestPort port = connectReady(sim)) {
            await("registered", () -> sim.registration() == Registration.HOME);
            assertReply(port, "AT+CREG?", "\r\n+CREG: 0,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CEREG?", "\r\n+CEREG: 0,1\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGMI", "\r\n+CGMI: \"Fibocom\"\r\n\r\nOK\r\n");
        }
    }

    @Test
    void signalAndServingCellReports() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+QNWINFO", "\r\n+QNWINFO: No Service\r\n\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME);
            assertReply(port, "AT+CSQ", "\r\n+CSQ: 24,99\r\n\r\nOK\r\n");
            assertReply(port, "AT+CESQ", "\r\n+CESQ: 99,99,255,255,19,45\r\n\r\nOK\r\n");
            assertReply(port, "AT+QENG=\"servingcell\"", "\r\n+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01,1A2B3C4,123,1300,3,5,5,1A2B,-95,-10,-65,160,10,-,40\r\n\r\nOK\r\n");
            assertReply(port, "AT+QNWINFO", "\r\n+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\",1300\r\n\r\nOK\r\n");
            assertReply(port, "AT+QCSQ", "\r\n+QCSQ: \"LTE\",-65,-95,160,-10\r\n\r\nOK\r\n");
            sim.model().setSignal(new RadioSignal(-113, -140, -19.5, -20));
            assertReply(port, "AT+CSQ;+CESQ", "\r\n+CSQ: 0,99\r\n\r\n+CESQ: 99,99,255,255,0,0\r\n\r\nOK\r\n");
        }
    }

    @Test
    void vendorCommandsBelongToTheirVendor() throws Exception {
        try (SimModem sim = fast().persona("huawei-e3372").build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+QENG=\"servingcell\"", "\r\nERROR\r\n");
            assertReply(port, "AT^CPIN?", "\r\n^CPIN: READY,,10,3,10,3\r\n\r\nOK\r\n");
            assertReply(port, "AT^ICCID?", "\r\n^ICCID: 89490200000123456787\r\n\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME);
            assertReply(port, "AT^SYSINFOEX", "\r\n^SYSINFOEX: 2,3,0,1,,6,\"LTE\",101,\"LTE\"\r\n\r\nOK\r\n");
        }
    }
}

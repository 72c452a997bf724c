package io.ltemodem.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class AtConsolePolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"AT", "at", "ATI", "ATE0", "ATZ", "AT+CSQ", "AT+CESQ", "AT+COPS?", "AT+COPS=?",
            "AT+COPS=0", "AT+CGDCONT?", "AT+CGDCONT=1,\"IPV4V6\",\"internet\"", "AT+CFUN?", "AT+CFUN=?", "AT+CFUN=1",
            "AT+CFUN = 1", "AT+CPIN?", "AT+CPIN=?", "AT+CLCK=?", "AT+CLCK=\"SC\",2", "AT+QCFG=\"usbnet\"",
            "AT+QCFG=\"band\"", "AT+QCFG=?", "AT!USBCOMP?", "AT+GTUSBMODE?", "AT^SETPORT?", "AT+CRSM=176,12258,0,0,10",
            "AT+QENG=\"servingcell\"", "AT+CSQ;+CREG?;+CEREG?", "AT+CGATT=0", "AT+CMEE=2", "AT+IPR?",
            "AT+QNWINFO", "AT+CPINR=\"SIM*\"", "AT+CGMR", "AT+COPS=1,2,\"26201\"", "AT$QCRMCALL?"})
    void harmlessCommandsPass(String cmd) {
        AtConsolePolicy.Verdict v = AtConsolePolicy.check(cmd, false);
        assertTrue(v.allowed(), cmd + ": " + v.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+CLCK=\"SC\",1,\"1234\"", "AT+CLCK=\"SC\",0,\"1234\"", "AT+CPWD=\"SC\",\"1234\",\"4321\"",
            "AT+CPIN=1234", "AT+CPIN=\"12345678\",\"1234\"", "at+cpin=1234", "AT^CPIN=\"1234\"",
            "AT+CFUN=0", "AT+CFUN=4", "AT+CFUN=1,1", "AT+CFUN=15", "AT+CFUN=16", "AT+CFUN = 1, 1", "AT+cfun=0",
            "AT+QCFG=\"usbnet\",1", "AT+QCFG=\"nat\",1", "AT+QCFG=\"band\",0,800D5,0", "AT!USBCOMP=1,1,10D",
            "AT+CUSBPIDSWITCH=9011,1,1", "AT#USBCFG=3", "AT+GTUSBMODE=7", "AT^SETPORT=\"A1,A2;10,12,16,A2\"",
            "AT+QPRTPARA=3", "AT&W", "ATE0&W", "AT&Y0", "AT!ENTERCND=\"A710\"", "AT+QFASTBOOT", "AT+QPOWD",
            "AT+QPOWD=1", "AT+CRESET", "AT!RESET", "AT^RESET", "AT#REBOOT", "AT+CPOF", "AT!BOOTHOLD",
            "AT+CSQ;+CFUN=0", "AT+CSQ;&W", "AT+CSIM=10,\"0020000100\"", "AT+CRSM=214,28539,0,0,3,\"FFFFFF\"",
            "AT+IPR=9600", "AT+CMUX=0", "AT^U2DIAG=0", "AT+QNVW=1,0,\"00\"", "AT+ZCDRUN=8", "AT#FWSWITCH=1",
            "AT!IMPREF=\"GENERIC\"", "AT+QFOTADL=\"http://x/fw.zip\""})
    void dangerousCommandsNeedTheSwitch(String cmd) {
        AtConsolePolicy.Verdict v = AtConsolePolicy.check(cmd, false);
        assertFalse(v.allowed(), cmd);
        assertEquals(UbusStatus.PERMISSION_DENIED, v.status(), cmd);
        assertTrue(v.reason().contains("at_allow_dangerous"), v.reason());
        AtConsolePolicy.Verdict allowed = AtConsolePolicy.check(cmd, true);
        assertTrue(allowed.allowed(), cmd + " with at_allow_dangerous: " + allowed.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CSQ", "+CSQ", " AT", "A/", "AT\r", "AT\n", "AT\r\nAT+CFUN=0", "AT+CMGS=\"1\"\u001a",
            "AT\u001b", "AT\u0000", "AT\t+CSQ", "AT+COPS=1,0,\"Télé\"", "AT\u007f", "AT+CGDCONT=1,\"IP\",\"x"})
    void malformedLinesAreInvalidWhateverTheSwitch(String cmd) {
        for (boolean allow : new boolean[]{false, true}) {
            AtConsolePolicy.Verdict v = AtConsolePolicy.check(cmd, allow);
            assertFalse(v.allowed(), cmd);
            assertEquals(UbusStatus.INVALID_ARGUMENT, v.status(), cmd);
        }
    }

    @Test
    void controlCharactersAreNamed() {
        assertTrue(AtConsolePolicy.check("AT\r\nAT+CFUN=0", false).reason().contains("CR"));
        assertTrue(AtConsolePolicy.check("AT\u001a", false).reason().contains("Ctrl-Z"));
        assertTrue(AtConsolePolicy.check("AT\u001b", false).reason().contains("ESC"));
    }

    @Test
    void lengthIsLimited() {
        assertTrue(AtConsolePolicy.check("AT" + "+".repeat(510), false).allowed() || true);
        assertEquals(UbusStatus.INVALID_ARGUMENT, AtConsolePolicy.check("AT" + "Z".repeat(AtConsolePolicy.MAX_LENGTH), false).status());
        assertTrue(AtConsolePolicy.check("AT" + "Z".repeat(AtConsolePolicy.MAX_LENGTH - 2), false).allowed());
    }

    @Test
    void refusalsNeverEchoASecret() {
        String reason = AtConsolePolicy.check("AT+CPIN=\"8642\"", false).reason();
        assertFalse(reason.contains("8642"), reason);
        assertTrue(reason.contains("AT+CPIN="), reason);
    }
}

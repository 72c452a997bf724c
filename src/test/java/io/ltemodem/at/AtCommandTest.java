package io.ltemodem.at;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class AtCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AT+CEREG?|+CEREG:",
            "AT+CSQ|+CSQ:",
            "at+cgdcont?|+CGDCONT:",
            "AT+QENG=\"servingcell\"|+QENG:",
            "AT+COPS=3,2;+COPS?|+COPS:",
            "AT^SYSINFOEX|^SYSINFOEX:",
            "AT!GSTATUS?|!GSTATUS:",
            "ATI|",
            "ATE0|",
            "AT|"})
    void prefixIsDerivedFromTheCommandName(String cmd, String prefix) {
        assertEquals(prefix == null ? java.util.List.of() : java.util.List.of(prefix), AtCommand.of(cmd).responsePrefixes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AT+CPIN=\"1234\"|AT+CPIN=***",
            "AT+CPIN=\"12345678\",\"4321\"|AT+CPIN=***",
            "AT+CLCK=\"SC\",0,\"1234\"|AT+CLCK=\"SC\",0,***",
            "AT+CPWD=\"SC\",\"1111\",\"2222\"|AT+CPWD=***",
            "AT^NDISDUP=1,1,\"internet\",\"user\",\"secret\",1|AT^NDISDUP=1,1,\"internet\",***",
            "AT+CGAUTH=1,1,\"user\",\"secret\"|AT+CGAUTH=1,1,***",
            "AT+CPIN?|AT+CPIN?",
            "AT+CSQ|AT+CSQ"})
    void secretsAreMaskedInLoggableForm(String cmd, String masked) {
        assertEquals(masked, AtCommand.of(cmd).loggable());
        assertEquals(masked, AtCommand.of(cmd).toString());
    }
}

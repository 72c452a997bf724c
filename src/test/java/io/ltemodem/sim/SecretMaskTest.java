package io.ltemodem.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretMaskTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AT+CPIN=\"1234\"                  | AT+CPIN=\"****\"",
            "AT+CPIN=1234                      | AT+CPIN=****",
            "at+cpin=\"12345678\",\"4321\"     | at+cpin=\"****\",\"****\"",
            "AT+CPIN?                          | AT+CPIN?",
            "AT+CLCK=\"SC\",2                  | AT+CLCK=\"SC\",2",
            "AT+CLCK=\"SC\",1,\"1234\"         | AT+CLCK=\"SC\",1,\"****\"",
            "AT+CPWD=\"SC\",\"1234\",\"5678\"  | AT+CPWD=\"SC\",\"****\",\"****\"",
            "AT+CFUN=1;+CPIN=\"1234\";+CSQ     | AT+CFUN=1;+CPIN=\"****\";+CSQ",
            "AT+CGDCONT=1,\"IP\",\"internet\"  | AT+CGDCONT=1,\"IP\",\"internet\"",
            "AT+CGAUTH=1,1,\"jo\",\"pw\"        | AT+CGAUTH=1,1,\"jo\",\"****\"",
            "AT+QICSGP=1,1,\"apn\",\"jo\",\"pw\",1 | AT+QICSGP=1,1,\"apn\",\"jo\",\"****\",****",
            "AT^NDISDUP=1,1,\"apn\",\"jo\",\"pw\",2 | AT^NDISDUP=1,1,\"apn\",\"jo\",\"****\",****",
    })
    void hidesPinsAndPuks(String line, String masked) {
        assertEquals(masked.trim(), SecretMask.mask(line.trim()));
    }
}

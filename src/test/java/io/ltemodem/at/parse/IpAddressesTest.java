package io.ltemodem.at.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IpAddressesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // 27.007 dotted-decimal IPv6 and colon forms, normalised to RFC 5952
            "32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1          | 2001:db8::1",
            "254.128.0.0.0.0.0.0.0.0.0.37.88.136.248.1   | fe80::25:5888:f801",
            "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1             | ::1",
            "32.1.13.184.0.0.0.1.0.0.0.1.0.0.0.1         | 2001:db8:0:1:0:1:0:1",
            "32.1.13.184.0.0.0.0.0.1.0.0.0.0.0.1         | 2001:db8::1:0:0:1",
            "2607:FB90:B59A:02C1:0AD3:1B57:4FD4:21F4     | 2607:fb90:b59a:2c1:ad3:1b57:4fd4:21f4",
            "FE80:0000:0000:0000:B46D:57FF:FE45:4545     | fe80::b46d:57ff:fe45:4545",
            "2001:db8::                                  | 2001:db8::",
            "::ffff:10.1.2.3                             | ::ffff:a01:203",
            "2001:db8::1/64                              | 2001:db8::1",
            "10.1.2.3                                    | 10.1.2.3",
            "10.1.2.3/30                                 | 10.1.2.3",
            "2001:db8::1::2                              | NULL",
            "2001:db8:1:2:3:4:5:6:7                      | NULL",
            "12345::1                                    | NULL",
            "10.1.2.256                                  | NULL",
            "10.1.2                                      | NULL",
            "10..2.3                                     | NULL",
            "10.1.2.3/33                                 | NULL",
            "hello                                       | NULL",
    })
    void parse(String text, String expected) {
        IpAddresses.Address a = IpAddresses.parse(text);
        if (expected == null) assertNull(a);
        else assertEquals(expected, a.text());
    }

    @ParameterizedTest(name = "[{index}] {0} -> /{1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "255.255.255.0       | 24",
            "255.255.255.248     | 29",
            "255.255.255.255     | 32",
            "0.0.0.0             | 0",
            "255.0.255.0         | NULL",
            "255.255.255.254     | 31",
    })
    void prefixLength(String mask, Integer expected) {
        assertEquals(expected, IpAddresses.prefixLength(IpAddresses.dotted(mask)));
    }
}

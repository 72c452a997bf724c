package io.ltemodem.dataplane.ndis;

import io.ltemodem.model.Ipv4Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Vendor NDIS answers, one row per real-world form (ModemManager's huawei tests, Quectel manuals, field logs). */
class NdisParsersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // ^DHCP line | address | prefix | gateway | dns (space separated)
            "^DHCP:a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,2200b10a,74bba80a,236800,236800|100.92.236.163|29|100.92.236.161|10.177.0.34 10.168.187.116",
            "^DHCP: 0xa3ec5c64,0xf8ffffff,0xa1ec5c64,0xa1ec5c64,0x2200b10a,0x74bba80a,236800,236800|100.92.236.163|29|100.92.236.161|10.177.0.34 10.168.187.116",
            "^DHCP: 1010A0A,FCFFFFFF,2010A0A,2010A0A,0,0,150000000,150000000|10.10.1.1|30|10.10.1.2|",
            "^DHCP: CCDB080A,F8FFFFFF,C9DB080A,C9DB080A,E67B59C6,E77B59C6,85600000,85600000|10.8.219.204|29|10.8.219.201|198.89.123.230 198.89.123.231",
            "^DHCP: 413DA8C0,00FFFFFF,423DA8C0,423DA8C0,00000000,00000000,81920000,81920000|192.168.61.65|24|192.168.61.66|",
            "^DHCP: 2032A8C0,00FFFFFF,0132A8C0,0132A8C0,0132A8C0,00000000|192.168.50.32|24|192.168.50.1|192.168.50.1",
    })
    void huaweiDhcp(String line, String address, int prefix, String gateway, String dns) {
        Ipv4Config c = NdisParsers.parseHuaweiDhcp(List.of("", line));
        assertNotNull(c, line);
        assertEquals(address, c.address());
        assertEquals(prefix, c.prefix());
        assertEquals(gateway, c.gateway());
        assertEquals(dns == null ? List.of() : List.of(dns.split(" ")), c.dns());
    }

    @Test
    void huaweiDhcpThatIsNotAnAddress() {
        assertNull(NdisParsers.parseHuaweiDhcp(List.of("^DHCP: 00000000,00FFFFFF,0,0,0,0,0,0")), "0.0.0.0 is no address");
        assertNull(NdisParsers.parseHuaweiDhcp(List.of("^DHCP: 2032A8C0,00FF00FF,0132A8C0,0,0,0,0,0")), "a mask with holes");
        assertNull(NdisParsers.parseHuaweiDhcp(List.of("^DHCP: 2032A8C0,00FFFFFF")), "too few fields");
        assertNull(NdisParsers.parseHuaweiDhcp(List.of("^DHCP: 12345678901,00FFFFFF,0,0,0,0")), "more than 32 bits");
        assertNull(NdisParsers.parseHuaweiDhcp(List.of("+CGEV: ME PDN ACT 1")), "no ^DHCP line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "^NDISSTATQRY: 1,,,\"IPV4\"|true",
            "^NDISSTATQRY: 0,33,,\"IPV4\"|false",
            "^NDISSTATQRY: 1,,,\"IPV4\",0,33,,\"IPV6\"|true",
            "^NDISSTATQRY: 0,,,\"IPV4\",1,,,\"IPV6\"|true",
            "^NDISSTATQRY: 0,,,\"IPV4\",0,,,\"IPV6\"|false",
            "^NDISSTATQRY:1,,,|true",
            "^NDISSTATQRY: 2,,,\"IPV4\"|",
            "^NDISSTATQRY: x|",
    })
    void huaweiNdisState(String line, Boolean expected) {
        assertEquals(expected, NdisParsers.parseNdisstatqry(List.of(line)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "+QNETDEVCTL: 1,1,1,1|1|1|true",
            "+QNETDEVCTL: 3,1,1,1|3|1|true",
            "+QNETDEVCTL: 3,1,1,0|3|1|false",
            "+QNETDEVCTL: 0,2,0,0|0|2|false",
    })
    void quectelNetdevControl(String line, int op, int cid, boolean connected) {
        NdisParsers.Qnetdevctl q = NdisParsers.parseQnetdevctl(List.of(line, "OK"));
        assertEquals(op, q.op());
        assertEquals(cid, q.cid());
        assertEquals(connected, q.connected());
    }

    @Test
    void quectelNetdevControlThatCannotBeRead() {
        assertNull(NdisParsers.parseQnetdevctl(List.of("+QNETDEVCTL: 1,1")));
        assertNull(NdisParsers.parseQnetdevctl(List.of("+QNETDEVCTL: 1,1,1,7")));
        assertNull(NdisParsers.parseQnetdevctl(List.of("+QNETDEVCTL: a,b,c,d")));
        assertNull(NdisParsers.parseQnetdevctl(List.of()));
    }

    @Test
    void malformedInputNeverThrows() {
        List<String> samples = List.of("^DHCP: CCDB080A,F8FFFFFF,C9DB080A,C9DB080A,E67B59C6,E77B59C6,85600000,85600000",
                "^NDISSTATQRY: 1,,,\"IPV4\",0,33,,\"IPV6\"", "+QNETDEVCTL: 3,1,1,1");
        List<Function<List<String>, Object>> parsers = List.of(NdisParsers::parseHuaweiDhcp, NdisParsers::parseNdisstatqry,
                NdisParsers::parseQnetdevctl);
        List<List<String>> inputs = new ArrayList<>();
        for (String s : samples) {
            for (int cut = 0; cut <= s.length(); cut++) {
                inputs.add(List.of(s.substring(0, cut)));
                inputs.add(List.of(s.substring(0, cut).replace(",", ",,\"")));
            }
        }
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        inputs.add(withNull);
        for (List<String> in : inputs) for (Function<List<String>, Object> p : parsers) assertDoesNotThrow(() -> p.apply(in));
        for (Function<List<String>, Object> p : parsers) assertDoesNotThrow(() -> p.apply(null));
    }
}

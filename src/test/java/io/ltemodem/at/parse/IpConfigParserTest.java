package io.ltemodem.at.parse;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "MM" rows are ModemManager's +CGCONTRDP test strings (Telecom Italia, Plus PL, T-Mobile US / Quectel EG915Q). */
class IpConfigParserTest {
    private static final String TIM = "+CGCONTRDP: 4,5,\"ibox.tim.it.mnc001.mcc222.gprs\",";
    private static final String TELEKOM = "+CGCONTRDP: 1,5,\"internet.telekom.mnc001.mcc262.gprs\",";

    private static IpConfig v4(String addr, int prefix, String gw, String... dns) {
        return IpConfig.ofStatic(new Ipv4Config(addr, prefix, gw, List.of(dns)), null, null);
    }

    private static IpConfig v6(String addr, int prefix, String gw, String... dns) {
        return IpConfig.ofStatic(null, new Ipv6Config(addr, prefix, gw, List.of(dns)), null);
    }

    static Stream<Arguments> cgcontrdp() {
        return Stream.of(
                row("MM v9.4+ full line",
                        lines(TIM + "\"2.197.17.49.255.255.255.255\",\"2.197.17.49\",\"10.207.43.46\",\"10.206.56.132\",\"0.0.0.0\",\"0.0.0.0\",0"),
                        v4("2.197.17.49", 32, "2.197.17.49", "10.207.43.46", "10.206.56.132")),
                row("MM v9.4+ one DNS", lines(TIM + "\"2.197.17.49.255.255.255.255\",\"2.197.17.49\",\"10.207.43.46\""),
                        v4("2.197.17.49", 32, "2.197.17.49", "10.207.43.46")),
                row("MM v9.4+ no DNS", lines(TIM + "\"2.197.17.49.255.255.255.255\",\"2.197.17.49\""),
                        v4("2.197.17.49", 32, "2.197.17.49")),
                row("MM v9.4+ address only", lines(TIM + "\"2.197.17.49.255.255.255.255\""), v4("2.197.17.49", 32, null)),
                row("MM pre-v9.4: mask in its own field",
                        lines(TIM + "\"2.197.17.49\",\"255.255.255.255\",\"2.197.17.49\",\"10.207.43.46\",\"10.206.56.132\",\"0.0.0.0\",\"0.0.0.0\""),
                        v4("2.197.17.49", 32, "2.197.17.49", "10.207.43.46", "10.206.56.132")),
                row("MM pre-v9.4 one DNS", lines(TIM + "\"2.197.17.49\",\"255.255.255.255\",\"2.197.17.49\",\"10.207.43.46\""),
                        v4("2.197.17.49", 32, "2.197.17.49", "10.207.43.46")),
                row("MM pre-v9.4 address and mask only", lines(TIM + "\"2.197.17.49\",\"255.255.255.255\""), v4("2.197.17.49", 32, null)),
                row("MM address without mask: /32", lines(TIM + "\"2.197.17.49\""), v4("2.197.17.49", 32, null)),
                row("MM IPv6 dotted, empty gateway",
                        lines("+CGCONTRDP: 1,5,\"internetipv6.mnc003.mcc260.gprs\",\"254.128.0.0.0.0.0.0.0.0.0.37.88.136.248.1\",\"\","
                                + "\"42.1.23.0.0.2.255.255.0.0.0.0.0.0.159.1\",\"42.1.23.0.0.3.255.255.0.0.0.0.0.0.152.34\",\"\",\"\",0,0"),
                        v6("fe80::25:5888:f801", 64, null, "2a01:1700:2:ffff::9f01", "2a01:1700:3:ffff::9822")),
                row("MM Quectel EG915Q: unquoted empty gateway",
                        lines("+CGCONTRDP: 2,6,\"fast.t-mobile.com\",\"38.7.251.144.154.37.192.120.172.57.189.17.176.171.138.245\",,"
                                + "\"253.0.151.106.0.0.0.0.0.0.0.0.0.0.0.9\",\"253.0.151.106.0.0.0.0.0.0.0.0.0.0.0.16\""),
                        v6("2607:fb90:9a25:c078:ac39:bd11:b0ab:8af5", 64, null, "fd00:976a::9", "fd00:976a::10")),
                row("MM colon form with link-local gateway",
                        lines("+CGCONTRDP: 1,0,\"fast.t-mobile.com\",\"2607:FB90:B59A:02C1:0AD3:1B57:4FD4:21F4\","
                                + "\"FE80:0000:0000:0000:B46D:57FF:FE45:4545\",\"fd00:976a::9\",\"fd00:976a::10\""),
                        v6("2607:fb90:b59a:2c1:ad3:1b57:4fd4:21f4", 64, "fe80::b46d:57ff:fe45:4545", "fd00:976a::9", "fd00:976a::10")),
                row("dual stack, two lines, MTU in the IPv4_MTU field", lines(
                                TELEKOM + "\"10.123.45.67.255.255.255.248\",\"10.123.45.68\",\"10.74.210.210\",\"10.74.210.211\",\"0.0.0.0\",\"0.0.0.0\",0,0,1500",
                                TELEKOM + "\"42.1.5.152.128.1.0.0.0.0.0.0.0.0.0.1.255.255.255.255.255.255.255.255.0.0.0.0.0.0.0.0\","
                                        + "\"254.128.0.0.0.0.0.0.0.0.0.0.0.0.0.1\",\"42.1.5.152.0.0.0.0.0.0.0.0.0.0.0.83\",\"42.1.5.152.0.0.0.0.0.0.0.0.0.0.0.84\""),
                        IpConfig.ofStatic(new Ipv4Config("10.123.45.67", 29, "10.123.45.68", List.of("10.74.210.210", "10.74.210.211")),
                                new Ipv6Config("2a01:598:8001::1", 64, "fe80::1", List.of("2a01:598::53", "2a01:598::54")), 1500)),
                row("addr/prefix form", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3/30\",\"10.1.2.1\",\"8.8.8.8\""),
                        v4("10.1.2.3", 30, "10.1.2.1", "8.8.8.8")),
                row("\"addr mask\" in one field", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3 255.255.255.0\",\"10.1.2.1\""),
                        v4("10.1.2.3", 24, "10.1.2.1")),
                row("zero mask means no mask", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.0.0.0.0\",\"10.1.2.1\""),
                        v4("10.1.2.3", 32, "10.1.2.1")),
                row("MTU 0 is not an MTU",
                        lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0\",\"10.1.2.1\",\"8.8.8.8\",\"8.8.4.4\",\"\",\"\",0,0,0"),
                        v4("10.1.2.3", 24, "10.1.2.1", "8.8.8.8", "8.8.4.4")),
                row("IPv6 DNS on an IPv4 line is not an IPv4 DNS",
                        lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0\",\"10.1.2.1\",\"2001:db8::53\""),
                        v4("10.1.2.3", 24, "10.1.2.1")),
                row("lines of another cid ignored (first cid wins)",
                        lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0\"", "+CGCONTRDP: 2,6,\"ims\",\"10.9.9.9.255.255.255.0\""),
                        v4("10.1.2.3", 24, null)),
                // unknown / malformed
                row("MM DNS only, no local address", lines("+CGCONTRDP: 2,6,\"fast.t-mobile.com\",,,"
                        + "\"253.0.151.106.0.0.0.0.0.0.0.0.0.0.0.9\",\"253.0.151.106.0.0.0.0.0.0.0.0.0.0.0.16\""), null),
                row("MM APN only", lines(TIM.substring(0, TIM.length() - 1)), null),
                row("MM empty APN", lines("+CGCONTRDP: 4,5,\"\""), null),
                row("unspecified local address", lines("+CGCONTRDP: 1,5,\"internet\",\"0.0.0.0.0.0.0.0\""), null),
                row("non-contiguous mask", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.0.255.0\",\"10.1.2.1\""), null),
                row("local address not an address", lines("+CGCONTRDP: 1,5,\"internet\",\"hello\",\"10.1.2.1\""), null),
                row("gateway not an address", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0\",\"gw\""), null),
                row("byte out of range", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.300.255.255.255.0\""), null),
                row("non-numeric cid", lines("+CGCONTRDP: x,5,\"internet\",\"10.1.2.3.255.255.255.0\""), null),
                row("unterminated quote", lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0"), null),
                row("empty response", lines(), null),
                row("garbage", lines("\u0000\u00ff+CGCONTRDP"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cgcontrdp(String name, List<String> lines, IpConfig expected) {
        assertEquals(Optional.ofNullable(expected), IpConfigParser.parseCgcontrdp(lines));
    }

    static Stream<Arguments> byCid() {
        List<String> both = lines("+CGCONTRDP: 1,5,\"internet\",\"10.1.2.3.255.255.255.0\"",
                "+CGCONTRDP: 2,6,\"ims\",\"10.9.9.9.255.255.255.0\"");
        return Stream.of(
                row("cid 2 of two", 2, both, v4("10.9.9.9", 24, null)),
                row("cid 1 of two", 1, both, v4("10.1.2.3", 24, null)),
                row("cid not present", 3, both, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void byCid(String name, int cid, List<String> lines, IpConfig expected) {
        assertEquals(Optional.ofNullable(expected), IpConfigParser.parseCgcontrdp(cid, lines));
    }
}

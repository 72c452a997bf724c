package io.ltemodem.at.parse;

import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.PdpAddress;
import io.ltemodem.model.PdpContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PacketParsersTest {

    static Stream<Arguments> cgatt() {
        return Stream.of(
                row("attached", lines("+CGATT: 1"), true),
                row("detached", lines("+CGATT: 0"), false),
                row("no space", lines("+CGATT:1"), true),
                row("URC before the answer", lines("+CEREG: 1", "+CGATT: 1"), true),
                row("out of range", lines("+CGATT: 2"), null),
                row("non-numeric", lines("+CGATT: x"), null),
                row("prefix only", lines("+CGATT:"), null),
                row("test form", lines("+CGATT: (0-1)"), null),
                row("wrong prefix", lines("+CGACT: 1,1"), null),
                row("empty response", lines(), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cgatt(String name, List<String> lines, Boolean expected) {
        assertEquals(Optional.ofNullable(expected), PacketParsers.parseCgatt(lines));
    }

    static Stream<Arguments> cgact() {
        return Stream.of(
                row("MM single inactive", lines("+CGACT: 1,0"), List.of(new PdpActivation(1, false))),
                row("MM single active", lines("+CGACT: 1,1"), List.of(new PdpActivation(1, true))),
                row("MM three contexts", lines("+CGACT: 1,0", "+CGACT: 4,1", "+CGACT: 5,0"),
                        List.of(new PdpActivation(1, false), new PdpActivation(4, true), new PdpActivation(5, false))),
                row("Quectel EC25 default contexts", lines("+CGACT: 1,1", "+CGACT: 2,0", "+CGACT: 3,0"),
                        List.of(new PdpActivation(1, true), new PdpActivation(2, false), new PdpActivation(3, false))),
                row("no space", lines("+CGACT:1,1"), List.of(new PdpActivation(1, true))),
                row("URC between lines is skipped", lines("+CGACT: 1,1", "+CEREG: 1", "+CGACT: 2,0"),
                        List.of(new PdpActivation(1, true), new PdpActivation(2, false))),
                row("no context defined: bare OK is a known empty list", lines(), List.of()),
                row("state out of range", lines("+CGACT: 1,2"), null),
                row("one bad line makes it unknown", lines("+CGACT: 1,1", "+CGACT: x,0"), null),
                row("state missing", lines("+CGACT: 1"), null),
                row("test form", lines("+CGACT: (0,1)"), null),
                row("garbage after the prefix", lines("+CGACT: \u0000\u00ff"), null),
                row("null list", null, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cgact(String name, List<String> lines, List<PdpActivation> expected) {
        assertEquals(Optional.ofNullable(expected), PacketParsers.parseCgact(lines));
    }

    static Stream<Arguments> cgdcont() {
        return Stream.of(
                row("MM three IP contexts", lines("+CGDCONT: 1,\"IP\",\"nate.sktelecom.com\",\"\",0,0",
                                "+CGDCONT: 2,\"IP\",\"epc.tmobile.com\",\"\",0,0", "+CGDCONT: 3,\"IP\",\"MAXROAM.com\",\"\",0,0"),
                        List.of(new PdpContext(1, "IP", "nate.sktelecom.com"), new PdpContext(2, "IP", "epc.tmobile.com"),
                                new PdpContext(3, "IP", "MAXROAM.com"))),
                row("MM short form without address", lines("+CGDCONT: 1,\"IP\",\"nate.sktelecom.com\""),
                        List.of(new PdpContext(1, "IP", "nate.sktelecom.com"))),
                row("MM empty APN unquoted", lines("+CGDCONT: 1,\"IP\",,,0,0"), List.of(new PdpContext(1, "IP", ""))),
                row("MM APN with network suffix", lines("+CGDCONT: 2,\"IP\",\"ac.vodafone.es.MNC001.MCC214.GPRS\",\"\",0,0"),
                        List.of(new PdpContext(2, "IP", "ac.vodafone.es.MNC001.MCC214.GPRS"))),
                row("Quectel EC25 defaults", lines("+CGDCONT: 1,\"IPV4V6\",\"internet\",\"0.0.0.0\",0,0,0,0",
                                "+CGDCONT: 2,\"IPV4V6\",\"ims\",\"0.0.0.0\",0,0,0,0", "+CGDCONT: 3,\"IPV4V6\",\"SOS\",\"0.0.0.0\",0,0,0,1"),
                        List.of(new PdpContext(1, "IPV4V6", "internet"), new PdpContext(2, "IPV4V6", "ims"),
                                new PdpContext(3, "IPV4V6", "SOS"))),
                row("Sierra empty APN, dotted IPv6 address field",
                        lines("+CGDCONT: 1,\"IPV4V6\",\"\",\"0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\",0,0,0,0"),
                        List.of(new PdpContext(1, "IPV4V6", ""))),
                row("lowercase type uppercased", lines("+CGDCONT: 1,\"ipv4v6\",\"web.vodafone.de\",\"\",0,0"),
                        List.of(new PdpContext(1, "IPV4V6", "web.vodafone.de"))),
                row("no context defined", lines(), List.of()),
                row("MM test-command form", lines("+CGDCONT: (1-10),\"IP\",,,(0,1),(0,1)"), null),
                row("type missing", lines("+CGDCONT: 1"), null),
                row("unterminated quote", lines("+CGDCONT: 1,\"IP\",\"internet"), null),
                row("non-numeric cid", lines("+CGDCONT: x,\"IP\",\"internet\""), null),
                row("cid out of range", lines("+CGDCONT: 300,\"IP\",\"internet\""), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cgdcont(String name, List<String> lines, List<PdpContext> expected) {
        assertEquals(Optional.ofNullable(expected), PacketParsers.parseCgdcont(lines));
    }

    private static List<PdpAddress> one(int cid, String v4, String v6) {
        return List.of(new PdpAddress(cid, v4, v6));
    }

    static Stream<Arguments> cgpaddr() {
        return Stream.of(
                row("IPv4 only", lines("+CGPADDR: 1,\"10.74.210.210\""), one(1, "10.74.210.210", null)),
                row("dual stack, 27.007 dotted IPv6",
                        lines("+CGPADDR: 1,\"10.1.2.3\",\"32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1\""), one(1, "10.1.2.3", "2001:db8::1")),
                row("dual stack, colon IPv6 (+CGPIAF)",
                        lines("+CGPADDR: 1,\"10.1.2.3\",\"2A01:598:8180:5F2B:1:2:3:4\""), one(1, "10.1.2.3", "2a01:598:8180:5f2b:1:2:3:4")),
                row("colon IPv6 with leading zeros",
                        lines("+CGPADDR: 1,\"100.64.12.3\",\"2A01:0598:8180:5F2B:0000:0000:0000:0001\""),
                        one(1, "100.64.12.3", "2a01:598:8180:5f2b::1")),
                row("IPV6 context: IPv6 comes first", lines("+CGPADDR: 1,\"254.128.0.0.0.0.0.0.0.0.0.37.88.136.248.1\""),
                        one(1, null, "fe80::25:5888:f801")),
                row("4+16 glued into one field", lines("+CGPADDR: 1,\"10.1.2.3.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1\""),
                        one(1, "10.1.2.3", "2001:db8::1")),
                row("both in one field, space separated", lines("+CGPADDR: 1,\"10.1.2.3 2001:db8::1\""), one(1, "10.1.2.3", "2001:db8::1")),
                row("no address", lines("+CGPADDR: 1"), one(1, null, null)),
                row("empty address", lines("+CGPADDR: 1,\"\""), one(1, null, null)),
                row("0.0.0.0 is no address", lines("+CGPADDR: 1,\"0.0.0.0\""), one(1, null, null)),
                row("both unspecified", lines("+CGPADDR: 1,\"0.0.0.0\",\"0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\""), one(1, null, null)),
                row("IPv6 unspecified in colon form", lines("+CGPADDR: 1,\"10.1.2.3\",\"0:0:0:0:0:0:0:0\""), one(1, "10.1.2.3", null)),
                row("unquoted IPv4", lines("+CGPADDR: 1,10.1.2.3"), one(1, "10.1.2.3", null)),
                row("one zero group is not compressed (RFC 5952)", lines("+CGPADDR: 2,\"32.1.13.184.0.0.0.1.0.0.0.1.0.0.0.1\""),
                        one(2, null, "2001:db8:0:1:0:1:0:1")),
                row("Quectel: all contexts", lines("+CGPADDR: 1,\"10.1.2.3\"", "+CGPADDR: 2,\"0.0.0.0\"", "+CGPADDR: 3,\"0.0.0.0\""),
                        List.of(new PdpAddress(1, "10.1.2.3", null), new PdpAddress(2, null, null), new PdpAddress(3, null, null))),
                row("no context", lines(), List.of()),
                row("three numbers", lines("+CGPADDR: 1,\"10.1.2\""), null),
                row("byte out of range", lines("+CGPADDR: 1,\"10.1.2.300\""), null),
                row("two ::", lines("+CGPADDR: 1,\"2001:db8::1::2\""), null),
                row("not an address", lines("+CGPADDR: 1,\"hello\""), null),
                row("unterminated quote", lines("+CGPADDR: 1,\"10.1.2.3"), null),
                row("non-numeric cid", lines("+CGPADDR: x,\"10.1.2.3\""), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cgpaddr(String name, List<String> lines, List<PdpAddress> expected) {
        assertEquals(Optional.ofNullable(expected), PacketParsers.parseCgpaddr(lines));
    }
}

package io.ltemodem.at.parse;

import io.ltemodem.model.RegDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Every parser against every truncation and single-character corruption of real samples, with the
 * safety net switched off: the parsers must reject bad input by validating, not by catching.
 */
class NeverThrowsTest {
    private static final List<String> SAMPLES = List.of(
            "+CPIN: SIM PIN", "+CPINR: SIM PUK,10,10", "+QPINC: \"SC\",3,10", "+SPIC: 3,10,3,10", "^CPIN: SIM PIN,3,10,3,10,3",
            "+CEREG: 2,1,\"1A2B\",\"01A2B3C\",7", "+CEREG: 1,\"1A2B\",\"01A2B3C\",7", "+CEREG: 2,1, 1F00, 20 ,79D903 ,7",
            "+C5GREG: 2,1,1F00,79D903,11,6,ABCDEF", "+CREG: 2,1,  0 5, 2715",
            "+COPS: 0,2,\"26201\",7", "+COPS: 0,0,\"Telekom.de\",7",
            "+CSQ: 23,99", "+CESQ: 99,99,255,255,31,62",
            "+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,-",
            "+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",454,12,1C5B1C001,901,9C4A0,627264,78,12,-86,-11,15,1,-",
            "+QENG: \"servingcell\",\"NOCONN\",\"WCDMA\",262,02,D5C5,A1B2C3D,10588,310,2,-85,-6,-,-,-,-,-",
            "+QENG: \"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,-",
            "+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\",1300",
            "+CGATT: 1", "+CGACT: 1,1", "+CGDCONT: 1,\"IPV4V6\",\"internet\",\"0.0.0.0\",0,0,0,0",
            "+CGPADDR: 1,\"10.1.2.3.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1\"", "+CGPADDR: 1,\"10.1.2.3\",\"2A01:598:8180:5F2B::1\"",
            "+CGCONTRDP: 1,5,\"internet\",\"10.123.45.67.255.255.255.248\",\"10.123.45.68\",\"10.74.210.210\",\"10.74.210.211\",\"0.0.0.0\",\"0.0.0.0\",0,0,1500",
            "+CGCONTRDP: 4,5,\"ibox\",\"2.197.17.49\",\"255.255.255.255\",\"2.197.17.49\"",
            "+CGCONTRDP: 1,0,\"t\",\"2607:FB90:B59A:02C1:0AD3:1B57:4FD4:21F4/64\",\"FE80::1\",\"fd00:976a::9\"",
            "+CFUN: 1,0", "+CGSN: 861234567890123", "+QCCID: 8949020000123456789F", "\"984402003576012594F9\"",
            "Revision: RG502QEAAAR11A07M4G", "Manufacturer: Sierra Wireless, Incorporated");
    private static final char[] NOISE = {',', '"', ' ', '-', ':', '.', '/', 'x', 'F', '9', '\u0000', '\u00ff', '\u0663'};

    @BeforeAll
    static void strict() {
        Lines.rethrowForTests = true;
    }

    @AfterAll
    static void lenient() {
        Lines.rethrowForTests = false;
    }

    /** Each sample, all its truncations, and each position replaced by each noise character. */
    private static List<String> corpus() {
        List<String> out = new ArrayList<>();
        out.add("");
        for (String s : SAMPLES) {
            for (int i = 0; i <= s.length(); i++) out.add(s.substring(0, i));
            for (int i = 0; i < s.length(); i++) {
                for (char c : NOISE) out.add(s.substring(0, i) + c + s.substring(i + 1));
            }
        }
        return out;
    }

    static Stream<Arguments> parsers() {
        return Stream.<Arguments>of(
                row("SimParsers.parseCpin", (Function<List<String>, ?>) SimParsers::parseCpin),
                row("SimParsers.parseCpinr", (Function<List<String>, ?>) SimParsers::parseCpinr),
                row("SimParsers.parseQpinc", (Function<List<String>, ?>) SimParsers::parseQpinc),
                row("SimParsers.parseSpic", (Function<List<String>, ?>) SimParsers::parseSpic),
                row("SimParsers.parseCpinc", (Function<List<String>, ?>) SimParsers::parseCpinc),
                row("SimParsers.parseHuaweiCpin", (Function<List<String>, ?>) SimParsers::parseHuaweiCpin),
                row("SimParsers.simStateFromCmeError", (Function<List<String>, ?>) l -> SimParsers.simStateFromCmeError(l.get(0))),
                row("RegistrationParser.parse", (Function<List<String>, ?>) l -> RegistrationParser.parse(l.get(0))),
                row("RegistrationParser.parseUrc", (Function<List<String>, ?>) l -> RegistrationParser.parseUrc(l.get(0))),
                row("RegistrationParser.parseRead(EPS)", (Function<List<String>, ?>) l -> RegistrationParser.parseRead(RegDomain.EPS, l)),
                row("OperatorParser.parse", (Function<List<String>, ?>) OperatorParser::parse),
                row("SignalParsers.parseCsq", (Function<List<String>, ?>) SignalParsers::parseCsq),
                row("SignalParsers.parseCesq", (Function<List<String>, ?>) SignalParsers::parseCesq),
                row("QuectelParsers.parseServingCell", (Function<List<String>, ?>) QuectelParsers::parseServingCell),
                row("QuectelParsers.parseNetworkInfo", (Function<List<String>, ?>) QuectelParsers::parseNetworkInfo),
                row("PacketParsers.parseCgatt", (Function<List<String>, ?>) PacketParsers::parseCgatt),
                row("PacketParsers.parseCgact", (Function<List<String>, ?>) PacketParsers::parseCgact),
                row("PacketParsers.parseCgdcont", (Function<List<String>, ?>) PacketParsers::parseCgdcont),
                row("PacketParsers.parseCgpaddr", (Function<List<String>, ?>) PacketParsers::parseCgpaddr),
                row("IpConfigParser.parseCgcontrdp", (Function<List<String>, ?>) IpConfigParser::parseCgcontrdp),
                row("RadioParser.parseCfun", (Function<List<String>, ?>) RadioParser::parseCfun),
                row("IdentityParsers.parseManufacturer", (Function<List<String>, ?>) IdentityParsers::parseManufacturer),
                row("IdentityParsers.parseImei", (Function<List<String>, ?>) IdentityParsers::parseImei),
                row("IdentityParsers.parseIccid", (Function<List<String>, ?>) IdentityParsers::parseIccid),
                row("IdentityParsers.parseAti", (Function<List<String>, ?>) IdentityParsers::parseAti));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("parsers")
    void survivesCorruptedSamples(String name, Function<List<String>, ?> parser) {
        for (String line : corpus()) {
            assertDoesNotThrow(() -> parser.apply(List.of(line)), () -> name + " threw on: " + line);
        }
        // Multi-line answers with null holes, as a careless caller might pass them.
        assertDoesNotThrow(() -> parser.apply(Arrays.asList(null, SAMPLES.get(0), null)));
    }
}

package io.ltemodem.at.parse;

import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static io.ltemodem.model.RegDomain.CS;
import static io.ltemodem.model.RegDomain.EPS;
import static io.ltemodem.model.RegDomain.FIVEG;
import static io.ltemodem.model.RegDomain.GPRS;
import static io.ltemodem.model.RegStat.ATTACHED_RLOS;
import static io.ltemodem.model.RegStat.DENIED;
import static io.ltemodem.model.RegStat.HOME;
import static io.ltemodem.model.RegStat.HOME_SMS_ONLY;
import static io.ltemodem.model.RegStat.NOT_REGISTERED;
import static io.ltemodem.model.RegStat.ROAMING;
import static io.ltemodem.model.RegStat.ROAMING_CSFB_NOT_PREFERRED;
import static io.ltemodem.model.RegStat.SEARCHING;
import static io.ltemodem.model.RegStat.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Real registration lines. "MM" marks samples from ModemManager's {@code src/tests/test-modem-helpers.c}
 * (device names as given there); the shapes are what matters, the expected values are ours.
 */
class RegistrationParserTest {
    private static final boolean URC = true;
    private static final boolean READ = false;

    private static Registration reg(RegDomain d, Integer n, RegStat s, String area, String cell, Integer act) {
        return new Registration(d, n, s, area, cell, act);
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                // 27.007 shapes, Quectel EC25 / modem-domain.md
                row("URC n=2 (modem-domain.md)", "+CEREG: 1,\"1A2B\",\"01A2B3C\",7", URC, reg(EPS, null, HOME, "1A2B", "01A2B3C", 7)),
                row("Quectel read n=2", "+CEREG: 2,1,\"1A2B\",\"01A2B3C\",7", READ, reg(EPS, 2, HOME, "1A2B", "01A2B3C", 7)),
                row("read n=0 registered", "+CREG: 0,1", READ, reg(CS, 0, HOME, null, null, null)),
                row("read n=0 LTE-only modem, CS idle", "+CREG: 0,0", READ, reg(CS, 0, NOT_REGISTERED, null, null, null)),
                row("read CGREG roaming", "+CGREG: 0,5", READ, reg(GPRS, 0, ROAMING, null, null, null)),
                row("read searching", "+CEREG: 0,2", READ, reg(EPS, 0, SEARCHING, null, null, null)),
                row("RM500Q C5GREG not on SA", "+C5GREG: 0,0", READ, reg(FIVEG, 0, NOT_REGISTERED, null, null, null)),
                row("read n=3 with reject cause", "+CEREG: 3,3,\"FFFE\",\"FFFFFFF\",7,0,15", READ, reg(EPS, 3, DENIED, "FFFE", "FFFFFFF", 7)),
                row("read n=4 with PSM timers", "+CEREG: 4,1,\"1A2B\",\"01A2B3C\",7,,,\"00100010\",\"00101011\"", READ,
                        reg(EPS, 4, HOME, "1A2B", "01A2B3C", 7)),
                row("read n=2 not registered, empty quoted fields", "+CEREG: 2,2,\"\",\"\"", READ, reg(EPS, 2, SEARCHING, null, null, null)),
                row("Quectel CREG read on LTE", "+CREG: 2,1,\"D5C5\",\"07A1B3C4\",7", READ, reg(CS, 2, HOME, "D5C5", "07A1B3C4", 7)),
                row("CGREG read with RAC", "+CGREG: 2,1,\"D5C5\",\"07A1B3C4\",7,\"00\"", READ, reg(GPRS, 2, HOME, "D5C5", "07A1B3C4", 7)),
                row("URC n=1 unknown (out of coverage)", "+CEREG: 4", URC, reg(EPS, null, UNKNOWN, null, null, null)),
                row("URC roaming n=2", "+CEREG: 5,\"1A2B\",\"01A2B3C\",7", URC, reg(EPS, null, ROAMING, "1A2B", "01A2B3C", 7)),
                row("lowercase hex kept as sent", "+cereg: 2,1,\"1a2b\",\"01a2b3c\",7", READ, reg(EPS, 2, HOME, "1a2b", "01a2b3c", 7)),
                row("no space after colon", "+CEREG:2,1,\"1A2B\",\"01A2B3C\",7", READ, reg(EPS, 2, HOME, "1A2B", "01A2B3C", 7)),
                row("non-numeric AcT tolerated as unknown", "+CEREG: 1,\"1A2B\",\"01A2B3C\",LTE", URC, reg(EPS, null, HOME, "1A2B", "01A2B3C", null)),
                // ModemManager test data
                row("MM CREG=1 solicited", "+CREG: 1,3", READ, reg(CS, 1, DENIED, null, null, null)),
                row("MM CREG=1 unsolicited", "+CREG: 3", URC, reg(CS, null, DENIED, null, null, null)),
                row("MM CREG=1 multidigit stat", "+CREG: 11", URC, reg(CS, null, ATTACHED_RLOS, null, null, null)),
                row("MM Sierra Mercury solicited, n=1 with unquoted LAC/CI", "+CREG: 1,1,84CD,00D30173", READ, reg(CS, 1, HOME, "84CD", "00D30173", null)),
                row("MM Sierra Mercury unsolicited", "+CREG: 1,84CD,00D30156", URC, reg(CS, null, HOME, "84CD", "00D30156", null)),
                row("MM CREG=2 multidigit stat URC", "+CREG: 11,\"33FE\",\"a3fb477\"", URC, reg(CS, null, ATTACHED_RLOS, "33FE", "a3fb477", null)),
                row("MM Sony Ericsson K850i solicited", "+CREG: 2,1,\"CE00\",\"01CEAD8F\"", READ, reg(CS, 2, HOME, "CE00", "01CEAD8F", null)),
                row("MM Sony Ericsson K850i unsolicited", "+CREG: 1,\"CE00\",\"00005449\"", URC, reg(CS, null, HOME, "CE00", "00005449", null)),
                row("MM Huawei E160G unregistered", "+CREG: 2,0,00,0", READ, reg(CS, 2, NOT_REGISTERED, "00", "0", null)),
                row("MM Huawei E160G solicited", "+CREG: 2,1,8BE3,2BAF", READ, reg(CS, 2, HOME, "8BE3", "2BAF", null)),
                row("MM Huawei E160G unsolicited", "+CREG: 1,8BE3,2BAF", URC, reg(CS, null, HOME, "8BE3", "2BAF", null)),
                row("MM Novatel XU870 unregistered", "+CREG: 2,,", URC, reg(CS, null, SEARCHING, null, null, null)),
                row("MM Iridium leading zeros", "+CREG:002,001,\"18d8\",\"ffff\"", READ, reg(CS, 2, HOME, "18d8", "ffff", null)),
                row("MM solicited, all-digit unquoted hex", "+CREG:2,1,0001,0010", READ, reg(CS, 2, HOME, "0001", "0010", null)),
                row("MM unsolicited, all-digit unquoted hex", "+CREG: 1,0001,0010,0", URC, reg(CS, null, HOME, "0001", "0010", 0)),
                row("MM unsolicited, leading zeros", "+CREG: 001,\"0001\",\"0010\",000", URC, reg(CS, null, HOME, "0001", "0010", 0)),
                row("MM unsolicited multidigit stat, unquoted", "+CREG: 10,0001,0010,0", URC,
                        reg(CS, null, ROAMING_CSFB_NOT_PREFERRED, "0001", "0010", 0)),
                row("MM unsolicited 4-char stat", "+CREG: 0011,\"0001\",\"0010\",000", URC, reg(CS, null, ATTACHED_RLOS, "0001", "0010", 0)),
                row("MM u-blox Toby-L2 solicited on LTE", "+CREG: 2,6,\"8B37\",\"0A265185\",7", READ, reg(CS, 2, HOME_SMS_ONLY, "8B37", "0A265185", 7)),
                row("MM u-blox Toby-L2 unsolicited", "+CREG: 6,\"8B37\",\"0A265185\",7", URC, reg(CS, null, HOME_SMS_ONLY, "8B37", "0A265185", 7)),
                row("MM CGREG=1 solicited", "+CGREG: 1,3", READ, reg(GPRS, 1, DENIED, null, null, null)),
                row("MM Ericsson F3607gw solicited", "+CGREG: 2,1,\"8BE3\",\"00002B5D\",3", READ, reg(GPRS, 2, HOME, "8BE3", "00002B5D", 3)),
                row("MM Ericsson F3607gw unsolicited", "+CGREG: 1,\"8BE3\",\"00002B5D\",3", URC, reg(GPRS, null, HOME, "8BE3", "00002B5D", 3)),
                row("MM Sony-Ericsson MD400 roaming", "+CREG: 2,5,\"0502\",\"0404736D\"", READ, reg(CS, 2, ROAMING, "0502", "0404736D", null)),
                row("MM Sony-Ericsson MD400 CGREG URC", "+CGREG: 5,\"0502\",\"0404736D\",2", URC, reg(GPRS, null, ROAMING, "0502", "0404736D", 2)),
                row("MM Alcatel X220D random spaces", "+CGREG: 2,1, 81ED, 1A9CEB", READ, reg(GPRS, 2, HOME, "81ED", "1A9CEB", null)),
                row("MM Samsung Wave S8500 vendor fields", "+CREG: 2,1,000B,2816, B, C2816", READ, reg(CS, 2, HOME, "000B", "2816", null)),
                row("MM Qualcomm Gobi 1000 spaces inside LAC", "+CREG: 2,1,  0 5, 2715", READ, reg(CS, 2, HOME, "05", "2715", null)),
                row("MM CGREG URC with RAC", "+CGREG: 1,\"1422\",\"00000142\",3,\"00\"", URC, reg(GPRS, null, HOME, "1422", "00000142", 3)),
                row("MM CGREG solicited lowercase hex", "+CGREG:2,10,ebbd,f025", READ, reg(GPRS, 2, ROAMING_CSFB_NOT_PREFERRED, "ebbd", "f025", null)),
                row("MM CGREG solicited 4-char stat", "+CGREG:002,0011,\"0f0d\",\"14c3\"", READ, reg(GPRS, 2, ATTACHED_RLOS, "0f0d", "14c3", null)),
                row("MM CEREG=1 solicited", "+CEREG: 1,3", READ, reg(EPS, 1, DENIED, null, null, null)),
                row("MM CEREG=2 solicited, spaces", "+CEREG: 2,1, 1F00, 79D903 ,7", READ, reg(EPS, 2, HOME, "1F00", "79D903", 7)),
                row("MM CEREG=2 unsolicited, spaces", "+CEREG: 1, 1F00, 79D903 ,7", URC, reg(EPS, null, HOME, "1F00", "79D903", 7)),
                row("MM CEREG=2 multidigit stat", "+CEREG: 2,10,\"8d83\",\"671f98a\",7", READ, reg(EPS, 2, ROAMING_CSFB_NOT_PREFERRED, "8d83", "671f98a", 7)),
                row("MM Novatel E362 solicited (extra field before CI)", "+CEREG: 2,1, 1F00, 20 ,79D903 ,7", READ, reg(EPS, 2, HOME, "1F00", "79D903", 7)),
                row("MM Novatel E362 unsolicited", "+CEREG: 1, 1F00, 20 ,79D903 ,7", URC, reg(EPS, null, HOME, "1F00", "79D903", 7)),
                row("MM Novatel-style multidigit stat", "+CEREG: 2,10, 2CA8, 20 ,B5583D ,7", READ, reg(EPS, 2, ROAMING_CSFB_NOT_PREFERRED, "2CA8", "B5583D", 7)),
                row("MM Novatel-style URC multidigit", "+CEREG: 11, 78FE, 20 ,14419E ,7", URC, reg(EPS, null, ATTACHED_RLOS, "78FE", "14419E", 7)),
                row("MM Altair LTE sends the read shape unsolicited", "+CEREG: 1, 2, 0001, 00000100, 7", READ, reg(EPS, 1, SEARCHING, "0001", "00000100", 7)),
                row("MM Altair LTE unsolicited", "+CEREG: 2, 0001, 00000100, 7", URC, reg(EPS, null, SEARCHING, "0001", "00000100", 7)),
                row("MM Thuraya solicited", "+CGREG: 2, 1, \"0426\", \"F00F\"", READ, reg(GPRS, 2, HOME, "0426", "F00F", null)),
                row("MM Thuraya unsolicited", "+CGREG: 1, \"0426\", \"F00F\"", URC, reg(GPRS, null, HOME, "0426", "F00F", null)),
                row("MM C5GREG=1 multidigit", "+C5GREG: 1, 10", READ, reg(FIVEG, 1, ROAMING_CSFB_NOT_PREFERRED, null, null, null)),
                row("MM C5GREG=1 unsolicited", "+C5GREG: 3", URC, reg(FIVEG, null, DENIED, null, null, null)),
                row("MM C5GREG=2 solicited with NSSAI", "+C5GREG: 2,1,1F00,79D903,11,6,ABCDEF", READ, reg(FIVEG, 2, HOME, "1F00", "79D903", 11)),
                row("MM C5GREG=2 unsolicited with NSSAI", "+C5GREG: 1,1F00,79D903,11,6,ABCDEF", URC, reg(FIVEG, null, HOME, "1F00", "79D903", 11)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wellFormed")
    void classifiesAndParses(String name, String line, boolean urc, Registration expected) {
        assertEquals(urc, RegistrationParser.isUnsolicited(line), "shape");
        assertEquals(Optional.of(expected), RegistrationParser.parse(line));
        assertEquals(Optional.of(expected), urc ? RegistrationParser.parseUrc(line) : RegistrationParser.parseRead(line));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                row("empty line", ""),
                row("null line", null),
                row("garbage bytes", "\u0000\u00ff\u0007+\u00c3("),
                row("prefix only", "+CEREG:"),
                row("prefix and blank", "+CEREG: "),
                row("stat out of range (read)", "+CEREG: 2,12"),
                row("stat out of range (URC)", "+CEREG: 12"),
                row("negative stat", "+CEREG: -1"),
                row("n out of range", "+CEREG: 9,1"),
                row("non-numeric n", "+CEREG: x,1"),
                row("non-numeric stat", "+CREG: home"),
                row("quoted stat", "+CEREG: \"1\""),
                row("unterminated quote", "+CEREG: 1,\"1A2B"),
                row("non-hex area", "+CEREG: 1,\"XYZ!\",\"01A2B3C\",7"),
                row("non-hex cell in read form", "+CEREG: 2,1,\"1A2B\",\"cell-1\",7"),
                row("wrong prefix", "+CSQ: 1,2"),
                row("prefix of a longer command", "+CREGX: 1"),
                row("no colon", "+CEREG 1"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void malformed(String name, String line) {
        assertEquals(Optional.empty(), RegistrationParser.parse(line));
    }

    static Stream<Arguments> readAmongLines() {
        return Stream.of(
                row("URC interleaved before the answer", EPS,
                        lines("+CEREG: 1,\"1A2B\",\"01A2B3C\",7", "+CEREG: 2,1,\"1A2B\",\"01A2B3C\",7"),
                        reg(EPS, 2, HOME, "1A2B", "01A2B3C", 7)),
                row("MM multi CREG/CGREG: URC of the same domain skipped", CS, lines("+CREG: 5", "+CGREG: 0", "+CREG: 0,5"),
                        reg(CS, 0, ROAMING, null, null, null)),
                row("other domain ignored", EPS, lines("+CGREG: 2,1,\"8BE3\",\"00002B5D\",3", "+CEREG: 0,1"),
                        reg(EPS, 0, HOME, null, null, null)),
                row("only a URC: no read answer", EPS, lines("+CEREG: 1"), null),
                row("only another domain", GPRS, lines("+CEREG: 0,1"), null),
                row("empty response", EPS, lines(), null),
                row("null list", EPS, null, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void readAmongLines(String name, RegDomain domain, List<String> lines, Registration expected) {
        assertEquals(Optional.ofNullable(expected), RegistrationParser.parseRead(domain, lines));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedIsNeverUnsolicitedByAccident(String name, String line) {
        // A line that is not a registration report at all must not be classified as a URC of one.
        if (RegistrationParser.domainOf(line).isEmpty()) assertFalse(RegistrationParser.isUnsolicited(line));
    }
}

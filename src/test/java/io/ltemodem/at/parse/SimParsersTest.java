package io.ltemodem.at.parse;

import io.ltemodem.model.PinRetries;
import io.ltemodem.model.SimState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SimParsersTest {

    static Stream<Arguments> cpin() {
        return Stream.of(
                row("Quectel EC25 unlocked", lines("+CPIN: READY"), SimState.READY),
                row("PIN pending", lines("+CPIN: SIM PIN"), SimState.PIN),
                row("PUK pending", lines("+CPIN: SIM PUK"), SimState.PUK),
                row("PIN2 is not PIN (ModemManager test data)", lines("+CPIN: SIM PIN2"), SimState.PIN2),
                row("PUK2 is not PUK (ModemManager test data)", lines("+CPIN: SIM PUK2"), SimState.PUK2),
                row("quoted code (ModemManager test data)", lines("+CPIN: \"SIM PIN\""), SimState.PIN),
                row("network lock (ModemManager test data)", lines("+CPIN: PH-NET PIN"), SimState.PH_LOCK),
                row("SIM lock", lines("+CPIN: PH-SIM PIN"), SimState.PH_LOCK),
                row("service provider lock PUK", lines("+CPIN: PH-SP PUK"), SimState.PH_LOCK),
                row("corporate lock", lines("+CPIN: PH-CORP PIN"), SimState.PH_LOCK),
                row("no space after colon", lines("+CPIN:READY"), SimState.READY),
                row("lowercase", lines("+cpin: ready"), SimState.READY),
                row("bare code without prefix (ModemManager test data)", lines("   SIM PUK"), SimState.PUK),
                row("Quectel boot URC before the answer", lines("+QUSIM: 1", "+CPIN: SIM PIN"), SimState.PIN),
                row("SIMCom SIM800 without card", lines("+CPIN: NOT INSERTED"), SimState.ABSENT),
                row("SIMCom SIM7600 hot-unplug URC", lines("+CPIN: SIM REMOVED"), SimState.ABSENT),
                row("trailing field tolerated", lines("+CPIN: SIM PIN,"), SimState.PIN),
                // unknown / malformed
                row("Quectel NOT READY is ambiguous: unknown", lines("+CPIN: NOT READY"), null),
                row("empty response", lines(), null),
                row("null list", null, null),
                row("garbage bytes", lines("\u0000\u00ff\u0003\u001b[0m"), null),
                row("truncated code", lines("+CPIN: SIM"), null),
                row("empty code", lines("+CPIN:"), null),
                row("unknown code", lines("+CPIN: SIM PIN3"), null),
                row("unterminated quote", lines("+CPIN: \"READY"), null),
                row("wrong prefix", lines("+CPINR: SIM PIN,3,3"), null),
                row("error is not a +CPIN answer", lines("+CME ERROR: 10"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cpin(String name, List<String> lines, SimState expected) {
        assertEquals(Optional.ofNullable(expected), SimParsers.parseCpin(lines));
    }

    static Stream<Arguments> cmeError() {
        return Stream.of(
                row("no SIM, numeric", "+CME ERROR: 10", SimState.ABSENT),
                row("SIM still booting", "+CME ERROR: 14", SimState.BUSY),
                row("bare code", "14", SimState.BUSY),
                row("SIM failure", "+CME ERROR: 13", SimState.FAILURE),
                row("SIM wrong", "+CME ERROR: 15", SimState.FAILURE),
                row("PIN required", "+CME ERROR: 11", SimState.PIN),
                row("verbose no SIM (CMEE=2)", "+CME ERROR: SIM not inserted", SimState.ABSENT),
                row("verbose busy, odd case", "+CME ERROR: SIM Busy", SimState.BUSY),
                row("network personalisation", "+CME ERROR: 40", SimState.PH_LOCK),
                row("unknown error (ModemManager test data)", "+CME ERROR: 100", null),
                row("operation not allowed says nothing about the SIM", "+CME ERROR: 3", null),
                row("plain ERROR", "ERROR", null),
                row("null", null, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cmeError(String name, String error, SimState expected) {
        assertEquals(Optional.ofNullable(expected), SimParsers.simStateFromCmeError(error));
    }

    static Stream<Arguments> retries() {
        Function<List<String>, Optional<PinRetries>> cpinr = SimParsers::parseCpinr;
        Function<List<String>, Optional<PinRetries>> qpinc = SimParsers::parseQpinc;
        Function<List<String>, Optional<PinRetries>> spic = SimParsers::parseSpic;
        Function<List<String>, Optional<PinRetries>> cpinc = SimParsers::parseCpinc;
        Function<List<String>, Optional<PinRetries>> huawei = SimParsers::parseHuaweiCpin;
        return Stream.of(
                row("27.007 CPINR wildcard answer", cpinr, lines("+CPINR: SIM PIN,3,3", "+CPINR: SIM PUK,10,10",
                        "+CPINR: SIM PIN2,3,3", "+CPINR: SIM PUK2,10,10"), new PinRetries(3, 10)),
                row("CPINR PIN only", cpinr, lines("+CPINR: SIM PIN,2"), new PinRetries(2, null)),
                row("CPINR counters down, quoted codes", cpinr, lines("+CPINR: \"SIM PIN\",0,3", "+CPINR: \"SIM PUK\",9,10"),
                        new PinRetries(0, 9)),
                row("CPINR non-numeric counter", cpinr, lines("+CPINR: SIM PIN,x,3"), null),
                row("CPINR negative counter", cpinr, lines("+CPINR: SIM PIN,-1"), null),
                row("CPINR PIN2 only says nothing about PIN1", cpinr, lines("+CPINR: SIM PIN2,3,3"), null),
                row("CPINR empty response", cpinr, lines(), null),
                row("Quectel QPINC (modem-domain.md)", qpinc, lines("+QPINC: \"SC\",3,10", "+QPINC: \"P2\",3,10"),
                        new PinRetries(3, 10)),
                row("QPINC P2 first, SC second", qpinc, lines("+QPINC: \"P2\",3,10", "+QPINC: \"SC\",2,10"),
                        new PinRetries(2, 10)),
                row("QPINC PIN exhausted", qpinc, lines("+QPINC: \"SC\",0,7"), new PinRetries(0, 7)),
                row("QPINC unquoted facility", qpinc, lines("+QPINC: SC,3,10"), new PinRetries(3, 10)),
                row("QPINC only PIN2", qpinc, lines("+QPINC: \"P2\",3,10"), null),
                row("QPINC truncated", qpinc, lines("+QPINC: \"SC\",3"), null),
                row("QPINC non-numeric", qpinc, lines("+QPINC: \"SC\",three,10"), null),
                row("QPINC counter 255 is not a counter", qpinc, lines("+QPINC: \"SC\",255,10"), null),
                row("QPINC empty", qpinc, lines(), null),
                row("SIMCom SIM7600 SPIC", spic, lines("+SPIC: 3,10,3,10"), new PinRetries(3, 10)),
                row("SPIC after a wrong PIN", spic, lines("+SPIC: 2,10,0,10"), new PinRetries(2, 10)),
                row("SPIC truncated", spic, lines("+SPIC: 3"), null),
                row("CPINC (PIN2 between PIN1 and PUK1)", cpinc, lines("+CPINC: 3,3,10,10"), new PinRetries(3, 10)),
                row("Huawei ^CPIN locked", huawei, lines("^CPIN: SIM PIN,3,10,3,10,3"), new PinRetries(3, 10)),
                row("Huawei ^CPIN ready, empty times", huawei, lines("^CPIN: READY,,10,3,10,3"), new PinRetries(3, 10)),
                row("Huawei ^CPIN PUK pending", huawei, lines("^CPIN: SIM PUK,10,8,0,10,3"), new PinRetries(0, 8)),
                row("Huawei ^CPIN garbage", huawei, lines("^CPIN: \u00ff\u00fe"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void retries(String name, Function<List<String>, Optional<PinRetries>> parser, List<String> lines,
                 PinRetries expected) {
        assertEquals(Optional.ofNullable(expected), parser.apply(lines));
    }
}

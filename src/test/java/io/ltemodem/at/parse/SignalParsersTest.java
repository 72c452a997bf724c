package io.ltemodem.at.parse;

import io.ltemodem.model.ServingCell;
import io.ltemodem.model.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalParsersTest {

    private static Signal rssi(int dbm) {
        return new Signal(dbm, null, null, null, null, null, null);
    }

    private static Signal lte(Integer rsrp, Double rsrq) {
        return new Signal(null, rsrp, rsrq, null, "lte", null, null);
    }

    static Stream<Arguments> csq() {
        return Stream.of(
                row("typical (java-stack.md pty test)", lines("+CSQ: 23,99"), rssi(-67)),
                row("no space", lines("+CSQ:23,99"), rssi(-67)),
                row("lowest step: <= -113 dBm", lines("+CSQ: 0,99"), rssi(-113)),
                row("highest step: >= -51 dBm", lines("+CSQ: 31,99"), rssi(-51)),
                row("with a BER", lines("+CSQ: 15,0"), rssi(-83)),
                row("lowercase, BER 7", lines("+csq: 20,7"), rssi(-73)),
                row("BER missing", lines("+CSQ: 18"), rssi(-77)),
                row("URC before the answer", lines("+CEREG: 1", "+CSQ: 23,99"), rssi(-67)),
                row("99 = not known", lines("+CSQ: 99,99"), null),
                row("rssi 32 out of range", lines("+CSQ: 32,99"), null),
                row("negative rssi", lines("+CSQ: -1,99"), null),
                row("BER out of range", lines("+CSQ: 23,8"), null),
                row("empty rssi", lines("+CSQ: ,99"), null),
                row("non-numeric", lines("+CSQ: abc,99"), null),
                row("wrong prefix", lines("+CESQ: 23,99"), null),
                row("empty response", lines(), null),
                row("garbage bytes", lines("\u0000\u00ff+CS"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void csq(String name, List<String> lines, Signal expected) {
        assertEquals(Optional.ofNullable(expected), SignalParsers.parseCsq(lines));
    }

    static Stream<Arguments> cesq() {
        return Stream.of(
                row("modem-domain.md LTE-only answer", lines("+CESQ: 99,99,255,255,31,62"), lte(-78, -4.0)),
                row("MM LTE sample", lines("+CESQ: 99,99,255,255,20,80"), lte(-60, -9.5)),
                row("MM GSM sample", lines("+CESQ: 10,6,255,255,255,255"), new Signal(-101, null, null, null, "gsm", null, null)),
                row("MM GSM sample without space", lines("+CESQ:10,6,255,255,255,255"), new Signal(-101, null, null, null, "gsm", null, null)),
                row("MM UMTS-only: RSCP/EcNo have no field, unknown", lines("+CESQ: 99,99,95,40,255,255"), null),
                row("bottom of the scales", lines("+CESQ: 99,99,255,255,0,0"), lte(-140, -19.5)),
                row("top of the scales", lines("+CESQ: 99,99,255,255,34,97"), lte(-43, -2.5)),
                row("RSRQ only", lines("+CESQ: 99,99,255,255,18,255"), lte(null, -10.5)),
                row("trailing vendor field", lines("+CESQ: 99,99,255,255,31,62,0"), lte(-78, -4.0)),
                row("nothing known", lines("+CESQ: 99,99,255,255,255,255"), null),
                row("rsrq 35 out of range", lines("+CESQ: 99,99,255,255,35,62"), null),
                row("rsrp 98 out of range", lines("+CESQ: 99,99,255,255,31,98"), null),
                row("rxlev 64 out of range", lines("+CESQ: 64,99,255,255,255,255"), null),
                row("truncated", lines("+CESQ: 99,99,255,255,31"), null),
                row("non-numeric", lines("+CESQ: 99,99,255,255,x,62"), null),
                row("empty response", lines(), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cesq(String name, List<String> lines, Signal expected) {
        assertEquals(Optional.ofNullable(expected), SignalParsers.parseCesq(lines));
    }

    static Stream<Arguments> servingCell() {
        return Stream.of(
                row("LTE cell", new ServingCell("NOCONN", "LTE", "FDD", "262", "01", "1A2D001", 123, 1300, 3, "3D5", -95, -9, -65, 12),
                        new Signal(-65, -95, -9.0, 12.0, "lte", "B3", "1A2D001")),
                row("NR5G-SA cell: n-band, no RSSI", new ServingCell("NOCONN", "NR5G-SA", "TDD", "454", "12", "1C5B1C001", 901, 627264, 78, "9C4A0", -86, -11, null, 15),
                        new Signal(null, -86, -11.0, 15.0, "nr5g", "n78", "1C5B1C001")),
                row("CAT-M cell", new ServingCell("CONNECT", "CAT-M", "FDD", "262", "01", "1A2D00B", 271, 6200, 20, "3D5", -104, -11, -74, 6),
                        new Signal(-74, -104, -11.0, 6.0, "cat-m", "B20", "1A2D00B")),
                row("WCDMA cell carries no figure here", new ServingCell("NOCONN", "WCDMA", null, "262", "02", "A1B2C3D", 310, 10588, null, "D5C5", null, null, null, null),
                        null),
                row("searching", new ServingCell("SEARCH", null, null, null, null, null, null, null, null, null, null, null, null, null), null),
                row("null", null, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void servingCell(String name, ServingCell cell, Signal expected) {
        assertEquals(Optional.ofNullable(expected), SignalParsers.fromServingCell(cell));
    }
}

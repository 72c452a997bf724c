package io.ltemodem.at.parse;

import io.ltemodem.model.Identity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.response;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityParsersTest {

    static Stream<Arguments> values() {
        Function<List<String>, Optional<String>> mfr = IdentityParsers::parseManufacturer;
        Function<List<String>, Optional<String>> model = IdentityParsers::parseModel;
        Function<List<String>, Optional<String>> rev = IdentityParsers::parseRevision;
        Function<List<String>, Optional<String>> imei = IdentityParsers::parseImei;
        Function<List<String>, Optional<String>> imsi = IdentityParsers::parseImsi;
        return Stream.of(
                // AT+CGMI
                row("CGMI Quectel bare", mfr, lines("Quectel"), "Quectel"),
                row("CGMI Fibocom prefixed and quoted", mfr, lines("+CGMI: \"Fibocom\""), "Fibocom"),
                row("CGMI Sierra: comma is part of the name", mfr, lines("Sierra Wireless, Incorporated"), "Sierra Wireless, Incorporated"),
                row("CGMI SIMCom", mfr, lines("SIMCOM INCORPORATED"), "SIMCOM INCORPORATED"),
                row("CGMI Huawei", mfr, lines("huawei"), "huawei"),
                row("CGMI Telit", mfr, lines("Telit"), "Telit"),
                row("CGMI labelled", mfr, lines("Manufacturer: Sierra Wireless, Incorporated"), "Sierra Wireless, Incorporated"),
                row("CGMI after an interleaved URC", mfr, lines("+CEREG: 1", "Quectel"), "Quectel"),
                row("CGMI empty response", mfr, lines(), null),
                row("CGMI blank line", mfr, lines(""), null),
                row("CGMI garbage bytes", mfr, lines("\u0000\u0001\u00ff"), null),
                // AT+CGMM
                row("CGMM Quectel EC25", model, lines("EC25"), "EC25"),
                row("CGMM Quectel RG502Q", model, lines("RG502Q-EA"), "RG502Q-EA"),
                row("CGMM Fibocom L850", model, lines("+CGMM: \"L850 LTE Module\""), "L850 LTE Module"),
                row("CGMM Sierra", model, lines("EM7455"), "EM7455"),
                row("CGMM SIMCom", model, lines("SIMCOM_SIM7600E-H"), "SIMCOM_SIM7600E-H"),
                row("CGMM Telit", model, lines("LE910C1-EU"), "LE910C1-EU"),
                row("CGMM Huawei", model, lines("ME909s-120"), "ME909s-120"),
                // AT+CGMR
                row("CGMR Quectel bare", rev, lines("EC25EFAR06A06M4G"), "EC25EFAR06A06M4G"),
                row("CGMR Revision: label", rev, lines("Revision: EC25EFAR06A06M4G"), "EC25EFAR06A06M4G"),
                row("CGMR Fibocom quoted", rev, lines("+CGMR: \"18500.5001.00.05.27.12\""), "18500.5001.00.05.27.12"),
                row("CGMR Sierra with spaces and a time", rev, lines("SWI9X30C_02.24.05.06 r7040 CARMD-EV-FRMWR2 2017/05/19 06:23:09"),
                        "SWI9X30C_02.24.05.06 r7040 CARMD-EV-FRMWR2 2017/05/19 06:23:09"),
                row("CGMR SIMCom prefixed", rev, lines("+CGMR: LE20B04SIM7600M22"), "LE20B04SIM7600M22"),
                row("CGMR Huawei", rev, lines("11.617.01.00.00"), "11.617.01.00.00"),
                row("CGMR empty", rev, lines(), null),
                // AT+CGSN
                row("CGSN bare", imei, lines("861234567890123"), "861234567890123"),
                row("CGSN prefixed (SIMCom)", imei, lines("+CGSN: 861234567890123"), "861234567890123"),
                row("CGSN prefixed and quoted", imei, lines("+CGSN: \"861234567890123\""), "861234567890123"),
                row("IMEI: label", imei, lines("IMEI: 359072060451693"), "359072060451693"),
                row("IMEI without check digit (14)", imei, lines("35907206045169"), "35907206045169"),
                row("IMEISV (16)", imei, lines("3590720604516911"), "3590720604516911"),
                row("IMEI too short", imei, lines("12345"), null),
                row("IMEI with a letter", imei, lines("86123456789012A"), null),
                row("IMEI too long (18)", imei, lines("861234567890123456"), null),
                row("error line is not an IMEI", imei, lines("+CME ERROR: 10"), null),
                row("IMEI empty", imei, lines(), null),
                // AT+CIMI
                row("CIMI bare", imsi, lines("262011234567890"), "262011234567890"),
                row("CIMI prefixed", imsi, lines("+CIMI: 262011234567890"), "262011234567890"),
                row("CIMI AT&T", imsi, lines("310410123456789"), "310410123456789"),
                row("CIMI quoted", imsi, lines("\"262011234567890\""), "262011234567890"),
                row("IMSI too long", imsi, lines("26201123456789012"), null),
                row("IMSI too short", imsi, lines("12345"), null),
                row("IMSI letters", imsi, lines("abc"), null),
                row("IMSI empty", imsi, lines(), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void values(String name, Function<List<String>, Optional<String>> parser, List<String> lines, String expected) {
        assertEquals(Optional.ofNullable(expected), parser.apply(lines));
    }

    static Stream<Arguments> iccid() {
        return Stream.of(
                row("Quectel +QCCID with F padding", lines("+QCCID: 8949020000123456789F"), "8949020000123456789"),
                row("+ICCID with F padding (Quectel RM5xx)", lines("+ICCID: 8901260487759545390F"), "8901260487759545390"),
                row("SIMCom AT+CICCID answers +ICCID", lines("+ICCID: 89860318760229005143"), "89860318760229005143"),
                row("+CICCID prefix", lines("+CICCID: 89860318760229005143"), "89860318760229005143"),
                row("+CCID quoted", lines("+CCID: \"89314404000012345678\""), "89314404000012345678"),
                row("Sierra ICCID: label", lines("ICCID: 89014103211118510720"), "89014103211118510720"),
                row("Sierra !ICCID", lines("!ICCID: 89014103211118510720"), "89014103211118510720"),
                row("bare with lowercase f", lines("8944200053671052499f"), "8944200053671052499"),
                row("MM nibble-swapped 20 digits", lines("98231420326409614067"), "89324102234690160476"),
                row("MM nibble-swapped quoted, padded", lines("\"984402003576012594F9\""), "8944200053671052499"),
                row("Huawei ^ICCID swapped", lines("^ICCID: 98231420326409614067"), "89324102234690160476"),
                row("hex account digit rejected (China Mobile form MM accepts)", lines("+QCCID: 898602F9091830030220"), null),
                row("letters", lines("+ICCID: 8949ABC"), null),
                row("too short", lines("+ICCID: 12345"), null),
                row("too long (23)", lines("+ICCID: 89490200001234567890123"), null),
                row("empty response", lines(), null),
                row("garbage", lines("\u0000\u00ff"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void iccid(String name, List<String> lines, String expected) {
        assertEquals(Optional.ofNullable(expected), IdentityParsers.parseIccid(lines));
    }

    static Stream<Arguments> ati() {
        return Stream.of(
                row("Quectel RG502Q (modem-domain.md, openwrt/openwrt#10577)",
                        response("Quectel\r\nRG502Q-EA\r\nRevision: RG502QEAAAR11A07M4G\r\n\r\nOK"),
                        new Identity("Quectel", "RG502Q-EA", "RG502QEAAAR11A07M4G", null, null, null)),
                row("Quectel EC25", lines("Quectel", "EC25", "Revision: EC25EFAR06A06M4G"),
                        new Identity("Quectel", "EC25", "EC25EFAR06A06M4G", null, null, null)),
                row("Sierra EM7455 full block", lines("Manufacturer: Sierra Wireless, Incorporated", "Model: EM7455",
                                "Revision: SWI9X30C_02.24.05.06 r7040 CARMD-EV-FRMWR2 2017/05/19 06:23:09", "MEID: 35907206045169",
                                "ESN: 12605917380, 80C6E3E8", "IMEI: 359072060451693", "IMEI SV: 11", "FSN: LF638508550210",
                                "+GCAP: +CGSM"),
                        new Identity("Sierra Wireless, Incorporated", "EM7455",
                                "SWI9X30C_02.24.05.06 r7040 CARMD-EV-FRMWR2 2017/05/19 06:23:09", "359072060451693", null, null)),
                row("SIMCom SIM7600", lines("Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H",
                                "Revision: SIM7600M22_V2.0", "IMEI: 861234567890123", "+GCAP: +CGSM,+DS,+ES"),
                        new Identity("SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "SIM7600M22_V2.0", "861234567890123", null, null)),
                row("Huawei ME909s", lines("Manufacturer: huawei", "Model: ME909s-120", "Revision: 11.617.01.00.00",
                                "IMEI: 867123456789012", "+GCAP: +CGSM,+DS,+ES"),
                        new Identity("huawei", "ME909s-120", "11.617.01.00.00", "867123456789012", null, null)),
                row("invalid IMEI dropped, rest kept", lines("Manufacturer: huawei", "Model: E3372", "IMEI: 12AB"),
                        new Identity("huawei", "E3372", null, null, null, null)),
                row("URC interleaved", lines("+CEREG: 1", "Quectel", "EC25", "Revision: EC25EFAR06A06M4G"),
                        new Identity("Quectel", "EC25", "EC25EFAR06A06M4G", null, null, null)),
                row("empty response", lines(), null),
                row("blank lines only", lines("", " "), null),
                row("capabilities only", lines("+GCAP: +CGSM"), null),
                row("garbage bytes", lines("\u0000\u00ff", "\u0007"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void ati(String name, List<String> lines, Identity expected) {
        assertEquals(Optional.ofNullable(expected), IdentityParsers.parseAti(lines));
    }
}

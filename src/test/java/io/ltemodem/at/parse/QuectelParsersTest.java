package io.ltemodem.at.parse;

import io.ltemodem.model.NetworkInfo;
import io.ltemodem.model.ServingCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.response;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QuectelParsersTest {

    private static ServingCell stateOnly(String state) {
        return new ServingCell(state, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Stream<Arguments> servingCell() {
        return Stream.of(
                row("EC25 older firmware, no CQI/tx_power (Spanish network)",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,7676A09,188,6300,20,3,3,603,-104,-9,-78,11,23"),
                        new ServingCell("NOCONN", "LTE", "FDD", "214", "01", "7676A09", 188, 6300, 20, "603", -104, -9, -78, 11)),
                row("EC25 connected, with CQI and tx_power",
                        lines("+QENG: \"servingcell\",\"CONNECT\",\"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,11,230,40"),
                        new ServingCell("CONNECT", "LTE", "FDD", "262", "01", "1A2D001", 123, 1300, 3, "3D5", -95, -9, -65, 12)),
                row("idle tx_power and CQI as '-'",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,40"),
                        new ServingCell("NOCONN", "LTE", "FDD", "262", "01", "1A2D001", 123, 1300, 3, "3D5", -95, -9, -65, 12)),
                row("searching: state only", lines("+QENG: \"servingcell\",\"SEARCH\""), stateOnly("SEARCH")),
                row("limited service, negative SINR",
                        lines("+QENG: \"servingcell\",\"LIMSRV\",\"LTE\",\"TDD\",262,03,2B4C01F,311,38950,40,5,5,B5A1,-118,-14,-85,-2,27"),
                        new ServingCell("LIMSRV", "LTE", "TDD", "262", "03", "2B4C01F", 311, 38950, 40, "B5A1", -118, -14, -85, -2)),
                row("RM500Q EN-DC: LTE anchor taken, NR line ignored", response(
                                "\r\n+QENG: \"servingcell\",\"NOCONN\"\r\n"
                                        + "+QENG: \"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,-\r\n"
                                        + "+QENG: \"NR5G-NSA\",262,01,714,-92,14,-11,627264,78,12,1\r\n\r\nOK\r\n"),
                        new ServingCell("NOCONN", "LTE", "FDD", "262", "01", "1A2D001", 123, 1300, 3, "3D5", -95, -9, -65, 12)),
                row("RM500Q EN-DC, NR line before LTE line",
                        lines("+QENG: \"servingcell\",\"CONNECT\"", "+QENG: \"NR5G-NSA\",262,01,714,-92,14,-11,627264,78,12,1",
                                "+QENG: \"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,15,-1,-"),
                        new ServingCell("CONNECT", "LTE", "FDD", "262", "01", "1A2D001", 123, 1300, 3, "3D5", -95, -9, -65, 12)),
                row("state line without RAT blocks", lines("+QENG: \"servingcell\",\"NOCONN\""), stateOnly("NOCONN")),
                row("RM500Q NR5G-SA",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",454,12,1C5B1C001,901,9C4A0,627264,78,12,-86,-11,15,1,-"),
                        new ServingCell("NOCONN", "NR5G-SA", "TDD", "454", "12", "1C5B1C001", 901, 627264, 78, "9C4A0", -86, -11, null, 15)),
                row("EC25 on WCDMA: UARFCN and PSC in the LTE slots",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"WCDMA\",262,02,D5C5,A1B2C3D,10588,310,2,-85,-6,-,-,-,-,-"),
                        new ServingCell("NOCONN", "WCDMA", null, "262", "02", "A1B2C3D", 310, 10588, null, "D5C5", null, null, null, null)),
                row("BG96 CAT-M (LTE layout)",
                        lines("+QENG: \"servingcell\",\"CONNECT\",\"CAT-M\",\"FDD\",262,01,1A2D00B,271,6200,20,3,3,3D5,-104,-11,-74,6,49"),
                        new ServingCell("CONNECT", "CAT-M", "FDD", "262", "01", "1A2D00B", 271, 6200, 20, "3D5", -104, -11, -74, 6)),
                row("URC interleaved, lowercase state",
                        lines("+CEREG: 1", "+QENG: \"servingcell\",\"noconn\",\"LTE\",\"FDD\",214,01,7676A09,188,6300,20,3,3,603,-104,-9,-78,11,23"),
                        new ServingCell("NOCONN", "LTE", "FDD", "214", "01", "7676A09", 188, 6300, 20, "603", -104, -9, -78, 11)),
                // malformed
                row("empty response", lines(), null),
                row("truncated after MNC", lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01"), null),
                row("non-numeric RSRP",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01,1A2D001,123,1300,3,5,5,3D5,abc,-9,-65,12,-,-,-"), null),
                row("cell id not hex",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",262,01,ZZZ,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,-"), null),
                row("duplex neither FDD nor TDD",
                        lines("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"XDD\",262,01,1A2D001,123,1300,3,5,5,3D5,-95,-9,-65,12,-,-,-"), null),
                row("unknown RAT", lines("+QENG: \"servingcell\",\"NOCONN\",\"CDMA\",1,2,3"), null),
                row("EN-DC with a broken LTE line", lines("+QENG: \"servingcell\",\"NOCONN\"", "+QENG: \"LTE\",\"FDD\",262,01"), null),
                row("neighbour cells only", lines("+QENG: \"neighbourcell intra\",\"LTE\",6300,188,-12,-105,-75,-20,23,4,12,10,62"), null),
                row("wrong prefix", lines("+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\",1300"), null),
                row("garbage bytes", lines("+QENG: \u0000\u00ff\""), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void servingCell(String name, List<String> lines, ServingCell expected) {
        assertEquals(Optional.ofNullable(expected), QuectelParsers.parseServingCell(lines));
    }

    static Stream<Arguments> networkInfo() {
        return Stream.of(
                row("modem-domain.md sample", lines("+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\",1300"),
                        new NetworkInfo("FDD LTE", "26201", "LTE BAND 3", 1300)),
                row("China Mobile TDD", lines("+QNWINFO: \"TDD LTE\",\"46000\",\"LTE BAND 40\",38950"),
                        new NetworkInfo("TDD LTE", "46000", "LTE BAND 40", 38950)),
                row("RM500Q SA", lines("+QNWINFO: \"TDD NR5G\",\"46001\",\"NR5G BAND 78\",627264"),
                        new NetworkInfo("TDD NR5G", "46001", "NR5G BAND 78", 627264)),
                row("EC25 on WCDMA", lines("+QNWINFO: \"WCDMA\",\"46001\",\"WCDMA 2100\",10713"),
                        new NetworkInfo("WCDMA", "46001", "WCDMA 2100", 10713)),
                row("operator unquoted", lines("+QNWINFO: \"FDD LTE\",26201,\"LTE BAND 20\",6300"),
                        new NetworkInfo("FDD LTE", "26201", "LTE BAND 20", 6300)),
                row("BG95 eMTC", lines("+QNWINFO: \"eMTC\",\"26201\",\"LTE BAND 20\",6300"),
                        new NetworkInfo("eMTC", "26201", "LTE BAND 20", 6300)),
                row("channel missing", lines("+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\""),
                        new NetworkInfo("FDD LTE", "26201", "LTE BAND 3", null)),
                row("no service", lines("+QNWINFO: No Service"), null),
                row("non-numeric channel", lines("+QNWINFO: \"FDD LTE\",\"26201\",\"LTE BAND 3\",abc"), null),
                row("truncated", lines("+QNWINFO: \"FDD LTE\""), null),
                row("prefix only", lines("+QNWINFO:"), null),
                row("empty response", lines(), null),
                row("garbage", lines("\u0000\u00ff"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void networkInfo(String name, List<String> lines, NetworkInfo expected) {
        assertEquals(Optional.ofNullable(expected), QuectelParsers.parseNetworkInfo(lines));
    }
}

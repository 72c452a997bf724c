package io.ltemodem.at.parse;

import io.ltemodem.model.Operator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.lines;
import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OperatorParserTest {

    static Stream<Arguments> cops() {
        return Stream.of(
                row("modem-domain.md: long name on LTE", lines("+COPS: 0,0,\"Telekom.de\",7"),
                        new Operator(0, 0, "Telekom.de", 7, null, null)),
                row("not registered: mode only", lines("+COPS: 0"), new Operator(0, null, null, null, null, null)),
                row("deregistered (AT+COPS=2)", lines("+COPS: 2"), new Operator(2, null, null, null, null, null)),
                row("numeric 2-digit MNC", lines("+COPS: 0,2,\"26201\",7"), new Operator(0, 2, "26201", 7, "262", "01")),
                row("numeric 3-digit MNC (AT&T)", lines("+COPS: 1,2,\"310410\",2"), new Operator(1, 2, "310410", 2, "310", "410")),
                row("MM China Mobile manual, no AcT", lines("+COPS: 1,0,\"CHINA MOBILE\""),
                        new Operator(1, 0, "CHINA MOBILE", null, null, null)),
                row("MM China Mobile manual, LTE", lines("+COPS: 1,0,\"CHINA MOBILE\",7"),
                        new Operator(1, 0, "CHINA MOBILE", 7, null, null)),
                row("MM numeric without AcT", lines("+COPS: 1,2,\"46000\""), new Operator(1, 2, "46000", null, "460", "00")),
                row("MM numeric with AcT", lines("+COPS: 1,2,\"46000\",7"), new Operator(1, 2, "46000", 7, "460", "00")),
                row("short alpha", lines("+COPS: 0,1,\"TDG\",7"), new Operator(0, 1, "TDG", 7, null, null)),
                row("EN-DC AcT 13 (RM500Q)", lines("+COPS: 0,0,\"Vodafone.de\",13"), new Operator(0, 0, "Vodafone.de", 13, null, null)),
                row("Huawei unquoted numeric", lines("+COPS: 0,2,26202,2"), new Operator(0, 2, "26202", 2, "262", "02")),
                row("Sierra name with ampersand", lines("+COPS: 0,0,\"AT&T\",7"), new Operator(0, 0, "AT&T", 7, null, null)),
                row("spaces everywhere", lines("+COPS:  0 , 0 , \"Telekom.de\" , 7"), new Operator(0, 0, "Telekom.de", 7, null, null)),
                row("comma inside the quoted name", lines("+COPS: 0,0,\"Orange F, SA\",7"), new Operator(0, 0, "Orange F, SA", 7, null, null)),
                row("numeric with a space between MCC and MNC", lines("+COPS: 0,2,\"262 01\",7"), new Operator(0, 2, "26201", 7, "262", "01")),
                row("lowercase prefix", lines("+cops: 0,0,\"Telekom.de\",7"), new Operator(0, 0, "Telekom.de", 7, null, null)),
                row("chained +COPS=3,0;+COPS? answers: the first", lines("+COPS: 0,0,\"Telekom.de\",7", "+COPS: 0,2,\"26201\",7"),
                        new Operator(0, 0, "Telekom.de", 7, null, null)),
                row("URC before the answer", lines("+CEREG: 1", "+COPS: 0,0,\"Telekom.de\",7"), new Operator(0, 0, "Telekom.de", 7, null, null)),
                row("format without a name", lines("+COPS: 0,0,\"\""), new Operator(0, 0, null, null, null, null)),
                // malformed
                row("empty response", lines(), null),
                row("blank mode", lines("+COPS: "), null),
                row("mode out of range", lines("+COPS: 5,0,\"Telekom.de\""), null),
                row("format out of range", lines("+COPS: 0,3,\"Telekom.de\""), null),
                row("format 2 with a name", lines("+COPS: 0,2,\"Telekom\",7"), null),
                row("format 2 with 4 digits", lines("+COPS: 0,2,\"2620\",7"), null),
                row("non-numeric AcT", lines("+COPS: 0,0,\"Telekom.de\",LTE"), null),
                row("test-command form is not a read answer", lines("+COPS: (2,\"Telekom.de\",\"TDG\",\"26201\",7),,(0-4),(0-2)"), null),
                row("unterminated quote", lines("+COPS: 0,0,\"Telekom.de"), null),
                row("wrong prefix", lines("+CSQ: 23,99"), null),
                row("garbage bytes", lines("\u0000\u00ff\u00fe"), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void cops(String name, List<String> lines, Operator expected) {
        assertEquals(Optional.ofNullable(expected), OperatorParser.parse(lines));
    }
}

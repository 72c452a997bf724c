package io.ltemodem.at.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RadioParserTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // ModemManager test data
            "+CFUN: 1                | 1",
            "+CFUN: 1,0              | 1",
            "+CFUN: 0                | 0",
            "+CFUN: 0,0              | 0",
            "+CFUN: 19               | 19",
            "+CFUN: 19,0             | 19",
            "+CFUN: 4                | 4",
            "+CFUN: 4,0              | 4",
            // whitespace and case
            "+CFUN:4                 | 4",
            "+cfun: 1                | 1",
            // malformed
            "+CFUN:                  | NULL",
            "+CFUN: x                | NULL",
            "+CFUN: 128              | NULL",
            "+CFUN: -1               | NULL",
            "'+CFUN: \"1\"'          | NULL",
            "'+CFUN: (0,1,4),(0-1)'  | NULL",
            "+CPIN: READY            | NULL",
            "\u0000\u00ff            | NULL",
    })
    void cfun(String line, Integer expected) {
        assertEquals(Optional.ofNullable(expected), RadioParser.parseCfun(List.of(line)));
    }

    @Test
    void emptyResponseIsUnknown() {
        assertEquals(Optional.empty(), RadioParser.parseCfun(List.of()));
        assertEquals(Optional.empty(), RadioParser.parseCfun(null));
    }
}

package io.ltemodem.at.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.ltemodem.at.parse.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtFieldsTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                row("plain numbers", "23,99", List.of("23", "99")),
                row("comma inside quotes stays", "0,0,\"Sierra Wireless, Incorporated\",7",
                        List.of("0", "0", "\"Sierra Wireless, Incorporated\"", "7")),
                row("spaces around fields trimmed (Alcatel X220D)", "2,1, 81ED, 1A9CEB", List.of("2", "1", "81ED", "1A9CEB")),
                row("empty fields kept (Novatel XU870)", "2,,", List.of("2", "", "")),
                row("empty payload is one blank field", "", List.of("")),
                row("quoted empty", "1,\"\"", List.of("1", "\"\"")),
                row("unterminated quote is malformed", "0,0,\"Telekom.de,7", null),
                row("single quote char is malformed", "\"", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("splits")
    void split(String name, String payload, List<String> expected) {
        Optional<AtFields> f = AtFields.split(payload);
        if (expected == null) {
            assertTrue(f.isEmpty());
            return;
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < f.orElseThrow().size(); i++) got.add(f.get().raw(i));
        assertEquals(expected, got);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "+CSQ: 23,99     | +CSQ   | 23,99",
            "+CSQ:23,99      | +CSQ   | 23,99",
            "+csq : 23,99    | +CSQ   | 23,99",
            "'  +CEREG: 1  ' | +CEREG | 1",
            "+CSQX: 1        | +CSQ   | NULL",
            "CSQ: 1          | +CSQ   | NULL",
            "+CSQ 23,99      | +CSQ   | NULL",
            "+CREG: 1        | +CGREG | NULL",
    })
    void payload(String line, String prefix, String expected) {
        assertEquals(Optional.ofNullable(expected), AtFields.payload(line, prefix));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "0011        | 11",
            "-95         | -95",
            "+5          | 5",
            "' 7 '       | 7",
            "\u0663      | NULL",
            "99999999999 | NULL",
            "1 2         | NULL",
            "0x1A        | NULL",
            "''          | NULL",
    })
    void toInt(String text, Integer expected) {
        assertEquals(expected, AtFields.toInt(text));
    }

    @Test
    void accessorsPastTheEndReadAsAbsent() {
        AtFields f = AtFields.split("1,\"a\"").orElseThrow();
        assertNull(f.raw(5));
        assertNull(f.text(-1));
        assertNull(f.integer(9));
        assertTrue(f.blank(2));
        assertTrue(f.quoted(1));
        assertFalse(f.quoted(0));
        assertEquals("a", f.text(1));
    }
}

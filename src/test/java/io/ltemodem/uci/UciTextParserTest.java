package io.ltemodem.uci;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class UciTextParserTest {
    private final UciTextParser p = new UciTextParser();

    private UciPackage parse(String name) throws UciException {
        return p.parse(name, UciCorpus.files().get(name));
    }

    @Test
    void typicalNetworkFile() throws Exception {
        UciPackage pkg = parse("typical");
        assertEquals(List.of("loopback", "globals", "wwan"), pkg.sections().stream().map(UciSection::name).toList());
        UciSection w = pkg.section("wwan");
        assertEquals("interface", w.type());
        assertFalse(w.anonymous());
        assertEquals("ltemodem", w.string("proto"));
        assertEquals("internet.telekom", w.string("apn"));
        assertEquals(List.of("1.1.1.1", "8.8.8.8"), w.option("dns").values());
    }

    @Test
    void quotingAsLibuciDoesIt() throws Exception {
        UciSection s = parse("quoting").section("wwan");
        assertEquals("interface", s.type());
        assertEquals("abc", s.string("apn"));
        assertEquals("with \"quote\" and \\ backslash", s.string("username"));
        assertEquals("its", s.string("password"));
        assertEquals("unquoted space", s.string("x"));
        assertEquals("hash # inside", s.string("y"));
        assertEquals("value", s.string("z"));
        assertEquals("dollar $HOME", s.string("w"));
    }

    @Test
    void anonymousSectionsGetLibucisNames() throws Exception {
        UciPackage pkg = parse("anonymous");
        List<UciSection> s = pkg.sections();
        assertEquals(5, s.size());
        assertTrue(s.get(0).anonymous());
        assertTrue(s.get(0).name().matches("cfg01[0-9a-f]{4}"), s.get(0).name());
        assertEquals("lan", s.get(1).name());
        assertTrue(s.get(2).name().startsWith("cfg03"));
        assertTrue(s.get(3).name().startsWith("cfg04"));
        assertEquals(s.get(2).name().substring(5), s.get(3).name().substring(5), "same type, same hash");
        assertEquals(s.get(0).name().substring(5), s.get(4).name().substring(5));
    }

    @Test
    void multilineValuesAndContinuations() throws Exception {
        UciSection s = parse("multiline").section("a");
        assertEquals("line one\nline two", s.string("descr"));
        assertEquals("x\ny", s.string("other"));
        assertEquals("abcdef", s.string("joined"));
    }

    @Test
    void repeatsFollowLibuciRules() throws Exception {
        UciSection s = parse("repeats").section("wwan");
        assertEquals(List.of("two", "three"), s.option("apn").values(), "list after option keeps the old value first");
        assertEquals("1500", s.string("mtu"), "option x '' leaves x as it was");
        assertEquals("b", s.string("hosts"), "option after list replaces it");
        assertEquals(List.of(""), s.option("l").values());
        assertEquals("2", s.string("profile"), "a repeated section is merged");
        assertEquals(List.of("apn", "mtu", "hosts", "l", "profile"), s.options().stream().map(UciOption::name).toList());
    }

    @Test
    void abbreviationsSemicolonsCrlfWhitespace() throws Exception {
        assertEquals("ltemodem", parse("short").section("wwan").string("proto"));
        assertEquals("x", parse("semicolons").section("a").string("apn"));
        assertEquals("ltemodem", parse("crlf").section("wwan").string("proto"));
        assertEquals("x", parse("whitespace").section("wwan").string("apn"));
        assertEquals("x", parse("no-final-newline").section("wwan").string("apn"));
        assertEquals(0, parse("empty").sections().size());
        assertEquals("Grüße ✓", parse("utf8").section("wwan").string("descr"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        UciException e = assertThrows(UciException.class, () -> parse("err-invalid-command"));
        assertEquals(UciException.Kind.PARSE, e.kind());
        assertEquals("invalid command", e.reason());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("err-invalid-command: parse error (invalid command) at line 2"), e.getMessage());
        assertEquals("option/list command found before the first section",
                assertThrows(UciException.class, () -> parse("err-option-before-section")).reason());
        assertEquals("invalid character in name field", assertThrows(UciException.class, () -> parse("err-name")).reason());
        assertEquals("too many arguments", assertThrows(UciException.class, () -> parse("err-too-many")).reason());
        assertEquals("EOF with unterminated '", assertThrows(UciException.class, () -> parse("err-unterminated-single")).reason());
    }

    @Test
    void anonymousNameHashIsLibucisDjbHash() {
        // djb hash of "rule" = 5381*33^4 + ... ; checked against libuci in NativeUciTest
        assertEquals("cfg01" + String.format("%04x", djb("ltemodem") % 65536), UciTextParser.anonymousName(1, "ltemodem"));
    }

    private static long djb(String s) {
        long h = 5381;
        for (char c : s.toCharArray()) h = (h * 33 + c) & 0xffffffffL;
        return h & 0x7fffffffL;
    }
}

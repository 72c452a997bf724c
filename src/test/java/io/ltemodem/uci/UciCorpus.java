package io.ltemodem.uci;

import java.util.LinkedHashMap;
import java.util.Map;

/** UCI files with the odd corners of the syntax, fed to both parsers: they must agree on every one. */
final class UciCorpus {
    private UciCorpus() {
    }

    static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("typical", """
                config interface 'loopback'
                \toption device 'lo'
                \toption proto 'static'
                \toption ipaddr '127.0.0.1'
                \toption netmask '255.0.0.0'

                config globals 'globals'
                \toption ula_prefix 'fd12:3456:789a::/48'

                config interface 'wwan'
                \toption proto 'ltemodem'
                \toption device '/dev/cdc-wdm0'
                \toption apn 'internet.telekom'
                \toption pdptype 'ipv4v6'
                \toption pincode '1234'
                \tlist dns '1.1.1.1'
                \tlist dns '8.8.8.8'
                """);
        m.put("quoting", "config 'interface' \"wwan\"\n"
                + "\toption apn \"a\"'b'c\n"
                + "\toption username \"with \\\"quote\\\" and \\\\ backslash\"\n"
                + "\toption password 'it''s' \n"
                + "\toption x unquoted\\ space\n"
                + "\toption y 'hash # inside'\n"
                + "\toption z value # trailing comment\n"
                + "\toption w \"dollar $HOME\"\n");
        m.put("anonymous", "config ltemodem\n\toption log_level 'debug'\nconfig interface 'lan'\nconfig rule\n"
                + "\toption name 'x'\nconfig rule\nconfig ltemodem\n");
        m.put("multiline", "config interface 'a'\n\toption descr 'line one\nline two'\n\toption other \"x\ny\"\n"
                + "\toption joined abc\\\ndef\n");
        m.put("semicolons", "config interface 'a'; option proto 'ltemodem'; option apn 'x'\nconfig interface b;option mtu 1400\n");
        m.put("repeats", "config interface 'wwan'\n\toption apn 'one'\n\toption apn 'two'\n\tlist apn 'three'\n"
                + "\toption mtu '1500'\n\toption mtu ''\n\tlist hosts 'a'\n\toption hosts 'b'\n\tlist l ''\n"
                + "config interface 'wwan'\n\toption profile '2'\n");
        m.put("short", "c interface 'wwan'\n o proto ltemodem\n l dns 1.1.1.1\n p network\n");
        m.put("crlf", "config interface 'wwan'\r\n\toption proto 'ltemodem'\r\n");
        m.put("whitespace", "\n\n   \t\n# comment\n\t# indented comment\nconfig  \t interface\t'wwan'   \n\toption\tapn\t'x'\n");
        m.put("no-final-newline", "config interface 'wwan'\n\toption apn 'x'");
        m.put("empty", "");
        m.put("utf8", "config interface 'wwan'\n\toption descr 'Grüße ✓'\n");
        m.put("err-invalid-command", "config interface 'wwan'\n\tfoo bar\n");
        m.put("err-option-before-section", "option apn 'x'\n");
        m.put("err-name", "config interface 'ww-an'\n");
        m.put("err-option-name", "config interface 'wwan'\n\toption ap.n 'x'\n");
        m.put("err-too-many", "config interface 'wwan'\n\toption apn 'x' 'y'\n");
        m.put("err-unterminated-single", "config interface 'wwan'\n\toption apn 'x\n");
        m.put("err-unterminated-double", "config interface 'wwan'\n\toption apn \"x\n\n");
        m.put("err-type-change", "config interface 'wwan'\nconfig device 'wwan'\n");
        m.put("err-insufficient", "config interface 'wwan'\n\toption\n");
        m.put("err-config-alone", "config\n");
        m.put("err-config-eof", "config");
        return m;
    }
}

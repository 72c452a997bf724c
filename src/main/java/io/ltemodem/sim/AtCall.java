package io.ltemodem.sim;

import java.util.ArrayList;
import java.util.List;

/** One command of a command line, with its parameters and the information lines it answers. */
final class AtCall {
    enum Kind {
        /** {@code AT+X} */ EXEC,
        /** {@code AT+X?} */ READ,
        /** {@code AT+X=?} */ TEST,
        /** {@code AT+X=<args>} */ SET
    }

    /** Upper-case name with its prefix: {@code +CPIN}, {@code ^SYSINFOEX}, {@code E}, {@code &F}. */
    final String name;
    final Kind kind;
    /** Parameters of SET (quotes removed; an omitted parameter is ""); empty otherwise. */
    final List<String> args;
    /** For basic commands: the number after the letter, or -1. */
    final int basicValue;
    final List<String> out = new ArrayList<>();
    /** Extra response time this command takes (modem time), e.g. a network scan. */
    long delayMillis;
    /** A final result code other than OK that ends the line, e.g. {@code CONNECT} after a dial; null = OK. */
    String finalResult;

    AtCall(String name, Kind kind, List<String> args, int basicValue) {
        this.name = name;
        this.kind = kind;
        this.args = args;
        this.basicValue = basicValue;
    }

    void line(String s) {
        out.add(s);
    }

    boolean has(int i) {
        return i < args.size() && !args.get(i).isEmpty();
    }

    String arg(int i) throws AtError {
        if (!has(i)) throw AtError.error();
        return args.get(i);
    }

    int intArg(int i) throws AtError {
        try {
            return Integer.parseInt(arg(i).trim());
        } catch (NumberFormatException e) {
            throw AtError.error();
        }
    }

    int intArg(int i, int dflt) throws AtError {
        return has(i) ? intArg(i) : dflt;
    }

    /** Splits a parameter list at commas outside quotes and strips the quotes. */
    static List<String> splitArgs(String raw) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(quoted ? cur.toString() : cur.toString().trim());
        return out;
    }
}

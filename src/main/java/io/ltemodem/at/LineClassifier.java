package io.ltemodem.at;

import io.ltemodem.at.parse.RegistrationParser;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a line is, given the command in flight (or none): its echo, one of its information lines,
 * its final result code, an unsolicited result code, or noise.
 *
 * <p>The hard case is a URC that shares the command's prefix: after {@code AT+CEREG?} the solicited answer is
 * {@code +CEREG: <n>,<stat>[,...]} while an unsolicited {@code +CEREG: <stat>[,<tac>,<ci>,<act>]} has one field
 * less. ModemManager keeps separate solicited and unsolicited regexes for this; we look at the field shape.
 */
final class LineClassifier {
    enum Kind { ECHO, INFO, FINAL, URC, NOISE }

    /** URCs without a +XXX: prefix. */
    private static final Set<String> BARE_URCS = Set.of(
            "RDY", "POWERED DOWN", "NORMAL POWER DOWN", "RING", "SMS DONE", "PB DONE", "CALL READY",
            "^BOOT", "UNDER-VOLTAGE POWER DOWN", "OVER-VOLTAGE POWER DOWN", "SMS READY");

    private static final List<String> REGISTRATION_PREFIXES = List.of("+CREG:", "+CGREG:", "+CEREG:", "+C5GREG:");

    private LineClassifier() {
    }

    static Kind classify(String line, AtCommand pending) {
        if (line == LineAssembler.GARBAGE) return Kind.NOISE;
        if (pending != null && isEcho(line, pending)) return Kind.ECHO;
        if (FinalCode.parse(line) != null) return pending != null ? Kind.FINAL : Kind.NOISE;
        String upper = line.toUpperCase(Locale.ROOT);
        boolean prefixed = hasPrefix(line);
        if (pending != null) {
            for (String p : pending.responsePrefixes()) {
                if (upper.startsWith(p)) {
                    if (REGISTRATION_PREFIXES.contains(p) && RegistrationParser.isUnsolicited(line)) return Kind.URC;
                    return Kind.INFO;
                }
            }
            if (prefixed || isBareUrc(upper)) return Kind.URC;
            // Bare text belongs to the command: +CGSN, +CIMI, +CGMR and ATI answer without a prefix.
            return Kind.INFO;
        }
        return prefixed || isBareUrc(upper) ? Kind.URC : Kind.NOISE;
    }

    private static boolean isEcho(String line, AtCommand pending) {
        return line.equalsIgnoreCase(pending.text().trim());
    }

    private static boolean isBareUrc(String upper) {
        return BARE_URCS.contains(upper);
    }

    /** {@code +XXX:}, {@code ^XXX:}, {@code #XXX:}, {@code !XXX:} — a named result line. */
    static boolean hasPrefix(String line) {
        if (line.length() < 3) return false;
        char c = line.charAt(0);
        if (c != '+' && c != '^' && c != '#' && c != '!' && c != '$' && c != '%') return false;
        int colon = line.indexOf(':');
        if (colon < 2) return false;
        for (int i = 1; i < colon; i++) {
            char ch = line.charAt(i);
            if (!Character.isLetterOrDigit(ch) && ch != '_' && ch != ' ') return false;
        }
        return true;
    }
}

package io.ltemodem.at.parse;

import java.util.List;
import java.util.Optional;

/** {@code AT+CFUN?} → {@code +CFUN: <fun>[,...]} (27.007 §8.2): 0 minimum, 1 full, 4 RF off, 5..127 vendor. */
public final class RadioParser {
    private RadioParser() {
    }

    public static Optional<Integer> parseCfun(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, RadioParser::parseCfunLine));
    }

    /** {@code +CFUN: 1}, {@code +CFUN: 1,0} (some firmwares append the reset flag) → 1. */
    public static Optional<Integer> parseCfunLine(String line) {
        return Lines.guarded(() -> AtFields.of(line, "+CFUN").flatMap(f -> {
            Integer fun = f.integer(0);
            if (fun == null || f.quoted(0) || fun < 0 || fun > 127) return Optional.empty();
            return Optional.of(fun);
        }));
    }
}

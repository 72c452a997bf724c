package io.ltemodem.at.parse;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-table helpers: one {@link Arguments} row per sample. */
final class Rows {
    private Rows() {
    }

    static Arguments row(Object... values) {
        return Arguments.of(values);
    }

    static List<String> lines(String... lines) {
        return Arrays.asList(lines);
    }

    /**
     * The information lines of a raw response as the AT reader hands them over: split at CR/LF, each line
     * trimmed, the final {@code OK} dropped. Blank lines are kept, parsers must cope with them.
     */
    static List<String> response(String raw) {
        List<String> out = new ArrayList<>();
        for (String l : raw.split("\r?\n", -1)) out.add(l.strip());
        while (!out.isEmpty() && (out.get(out.size() - 1).isEmpty() || out.get(out.size() - 1).equals("OK"))) {
            out.remove(out.size() - 1);
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) out.remove(0);
        return out;
    }
}

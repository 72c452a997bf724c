package io.ltemodem.at.parse;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Helpers for walking the information lines of one response. */
final class Lines {
    /** Set by the fuzz test so that exceptions the guard would hide become test failures. */
    static volatile boolean rethrowForTests;

    private Lines() {
    }

    /**
     * The first line for which {@code parser} yields a value. Lines it rejects are skipped, because a URC
     * (e.g. {@code +CEREG: 1}) may sit between the information lines of a solicited response.
     */
    static <T> Optional<T> first(List<String> lines, Function<String, Optional<T>> parser) {
        if (lines == null) return Optional.empty();
        for (String line : lines) {
            if (line == null) continue;
            Optional<T> v = parser.apply(line);
            if (v.isPresent()) return v;
        }
        return Optional.empty();
    }

    /** True when some line carries {@code prefix:}. */
    static boolean anyWithPrefix(List<String> lines, String prefix) {
        if (lines == null) return false;
        for (String line : lines) if (AtFields.payload(line, prefix).isPresent()) return true;
        return false;
    }

    /**
     * Runs a parse and turns any runtime exception into "unknown". The parsers validate explicitly and are
     * not meant to throw; this is the last line of defence, because the input comes from a device that may
     * send anything and a parser bug must degrade one fact to unknown, not stop the probe loop.
     */
    static <T> Optional<T> guarded(Supplier<Optional<T>> parse) {
        try {
            Optional<T> v = parse.get();
            return v == null ? Optional.empty() : v;
        } catch (RuntimeException e) {
            if (rethrowForTests) throw e;
            return Optional.empty();
        }
    }
}

package io.ltemodem.at.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The comma-separated fields of one AT information line: the single tokenizer every parser here uses.
 *
 * <p>Splits on commas outside double quotes (an operator name or APN may contain a comma: "Sierra
 * Wireless, Incorporated"). Each field is trimmed; a quoted field keeps its quotes in {@link #raw} so
 * that callers can tell {@code "1A2B"} (a quoted hex area) from {@code 1} (a number) — the registration
 * parser needs exactly that to tell a URC from a read answer. An unterminated quote makes the whole line
 * malformed: guessing where the field ends would shift every later field.
 *
 * <p>Accessors never throw: an index past the end reads as an absent field.
 */
final class AtFields {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final List<String> raw;

    private AtFields(List<String> raw) {
        this.raw = Collections.unmodifiableList(raw);
    }

    /**
     * The fields after {@code prefix:} when {@code line} starts with that prefix (case-insensitive,
     * spaces tolerated around the colon: {@code +CSQ:23,99}, {@code +csq : 23,99}); empty otherwise.
     */
    static Optional<AtFields> of(String line, String prefix) {
        return payload(line, prefix).flatMap(AtFields::split);
    }

    /** The text after {@code prefix:}, trimmed; empty when the line does not carry that prefix. */
    static Optional<String> payload(String line, String prefix) {
        if (line == null || prefix == null) return Optional.empty();
        String s = line.strip();
        if (!s.regionMatches(true, 0, prefix, 0, prefix.length())) return Optional.empty();
        String rest = s.substring(prefix.length()).stripLeading();
        // The colon is what ends the command name: "+CREG" must not match "+CREGX: ...".
        if (!rest.startsWith(":")) return Optional.empty();
        return Optional.of(rest.substring(1).strip());
    }

    /** Splits a payload; empty when a double quote is left open. */
    static Optional<AtFields> split(String payload) {
        if (payload == null) return Optional.empty();
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '"') inQuotes = !inQuotes;
            if (c == ',' && !inQuotes) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (inQuotes) return Optional.empty();
        out.add(cur.toString().strip());
        return Optional.of(new AtFields(out));
    }

    int size() {
        return raw.size();
    }

    /** The field as sent (trimmed, quotes kept), or null past the end. */
    String raw(int i) {
        return i >= 0 && i < raw.size() ? raw.get(i) : null;
    }

    boolean quoted(int i) {
        String r = raw(i);
        return r != null && r.length() >= 2 && r.startsWith("\"") && r.endsWith("\"");
    }

    /** The field without its quotes, trimmed; null past the end. */
    String text(int i) {
        String r = raw(i);
        if (r == null) return null;
        return quoted(i) ? r.substring(1, r.length() - 1).strip() : r;
    }

    /** True when the field is absent, empty or {@code ""}. */
    boolean blank(int i) {
        String t = text(i);
        return t == null || t.isEmpty();
    }

    /** The field as a decimal integer (quotes allowed, leading zeros allowed), or null. */
    Integer integer(int i) {
        return toInt(text(i));
    }

    /** A decimal integer ({@code 0011}, {@code -95}, {@code +5}), or null for anything else or an overflow. */
    static Integer toInt(String s) {
        if (s == null) return null;
        String t = s.strip();
        // Pre-check instead of relying on parseInt alone: parseInt accepts non-ASCII digits.
        if (!INTEGER.matcher(t).matches()) return null;
        long v = Long.parseLong(t);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }

    static boolean isHex(String s) {
        return s != null && HEX.matcher(s).matches();
    }

    /** Only ASCII digits, at least one. */
    static boolean isDigits(String s) {
        return s != null && DIGITS.matcher(s).matches();
    }
}

package io.ltemodem.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One argument of a method: its name, type, whether it is required, and its limits. The same table gives the
 * published signature and the validation, so the two cannot drift apart.
 *
 * @param maxLength for strings: most characters accepted
 * @param min       for integers: the smallest value accepted
 * @param max       for integers: the largest value accepted
 * @param pattern   for strings: what the whole value must match (null = anything printable)
 * @param values    for strings: the accepted values (empty = any)
 */
public record ArgSpec(String name, ArgType type, boolean required, int maxLength, long min, long max,
                      Pattern pattern, String patternHelp, List<String> values) {

    /** UCI section names: what {@code modem}/{@code interface} must look like (libuci's uci_validate_name). */
    public static final Pattern SECTION_NAME = Pattern.compile("[A-Za-z0-9_]+");
    public static final int MAX_NAME = 64;
    /** A general cap for free strings: no method needs more, and replies must stay small. */
    public static final int MAX_STRING = 256;

    public ArgSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A modem (interface section) name. */
    public static ArgSpec modem(String name, boolean required) {
        return new ArgSpec(name, ArgType.STRING, required, MAX_NAME, 0, 0, SECTION_NAME,
                "letters, digits and '_' (a UCI section name)", List.of());
    }

    public static ArgSpec text(String name, boolean required, int maxLength) {
        return new ArgSpec(name, ArgType.STRING, required, maxLength, 0, 0, null, null, List.of());
    }

    public static ArgSpec text(String name, boolean required, int maxLength, Pattern pattern, String patternHelp) {
        return new ArgSpec(name, ArgType.STRING, required, maxLength, 0, 0, pattern, patternHelp, List.of());
    }

    public static ArgSpec choice(String name, boolean required, List<String> values) {
        int longest = values.stream().mapToInt(String::length).max().orElse(1);
        return new ArgSpec(name, ArgType.STRING, required, longest, 0, 0, null, null, values);
    }

    public static ArgSpec integer(String name, boolean required, long min, long max) {
        return new ArgSpec(name, ArgType.INTEGER, required, 0, min, max, null, null, List.of());
    }

    public static ArgSpec bool(String name, boolean required) {
        return new ArgSpec(name, ArgType.BOOLEAN, required, 0, 0, 0, null, null, List.of());
    }

    /**
     * The value as a Java object ({@code String}, {@code Long} or {@code Boolean}), or null when absent (a JSON
     * null counts as absent). Throws {@link ApiException} with status INVALID_ARGUMENT naming what is wrong.
     */
    public Object validate(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            if (required) throw ApiException.invalid("missing argument '" + name + "'");
            return null;
        }
        if (!e.isJsonPrimitive()) throw wrongType(e);
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (type) {
            case STRING -> validateString(p);
            case INTEGER -> validateInteger(p);
            case BOOLEAN -> {
                if (!p.isBoolean()) throw wrongType(e);
                yield p.getAsBoolean();
            }
        };
    }

    private String validateString(JsonPrimitive p) {
        if (!p.isString()) throw wrongType(p);
        String v = p.getAsString();
        if (v.length() > maxLength) {
            throw ApiException.invalid("'" + name + "' is " + v.length() + " characters long, at most " + maxLength
                    + " are accepted");
        }
        if (!values.isEmpty()) {
            if (!values.contains(v)) {
                throw ApiException.invalid("'" + name + "' is " + quote(v) + ", expected one of " + String.join(", ", values));
            }
            return v;
        }
        if (required && v.isEmpty()) throw ApiException.invalid("'" + name + "' is empty");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ApiException.invalid("'" + name + "' contains control character 0x"
                        + String.format(Locale.ROOT, "%02x", (int) c) + " at position " + i);
            }
        }
        if (pattern != null && !pattern.matcher(v).matches()) {
            throw ApiException.invalid("'" + name + "' is " + (v.isEmpty() ? "empty" : quote(v)) + ": expected " + patternHelp);
        }
        return v;
    }

    private Long validateInteger(JsonPrimitive p) {
        if (!p.isNumber()) throw wrongType(p);
        BigDecimal d;
        try {
            d = new BigDecimal(p.getAsString());
        } catch (NumberFormatException ex) {
            throw wrongType(p);
        }
        long v;
        try {
            v = d.longValueExact();
        } catch (ArithmeticException ex) {
            throw ApiException.invalid("'" + name + "' must be a whole number from " + min + " to " + max);
        }
        if (v < min || v > max) {
            throw ApiException.invalid("'" + name + "' is " + v + ", expected " + min + " to " + max);
        }
        return v;
    }

    private ApiException wrongType(JsonElement e) {
        return ApiException.invalid("'" + name + "' must be " + type.description() + ", got " + describe(e));
    }

    private static String describe(JsonElement e) {
        if (e.isJsonObject()) return "an object";
        if (e.isJsonArray()) return "an array";
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return "a boolean";
        if (p.isNumber()) return "a number";
        return "a string";
    }

    /**
     * A value quoted for a message: secrets masked (a PIN typed into the wrong field must not reach a log through
     * our error), shortened, control characters shown as '?'.
     */
    static String quote(String raw) {
        if (raw == null) return "nothing";
        String v = io.ltemodem.at.AtCommand.mask(raw);
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(v.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (v.length() > n) b.append("...");
        return b.append('\'').toString();
    }
}

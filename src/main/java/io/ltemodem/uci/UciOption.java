package io.ltemodem.uci;

import java.util.List;

/** One option: a string ({@code option}) or a list ({@code list}); exactly one of value/values is set. */
public record UciOption(String name, String value, List<String> values) {
    public UciOption {
        values = values == null ? null : List.copyOf(values);
        if ((value == null) == (values == null)) throw new IllegalArgumentException("option " + name + ": string xor list");
    }

    public static UciOption string(String name, String value) {
        return new UciOption(name, value, null);
    }

    public static UciOption list(String name, List<String> values) {
        return new UciOption(name, null, values);
    }

    public boolean isList() {
        return values != null;
    }
}

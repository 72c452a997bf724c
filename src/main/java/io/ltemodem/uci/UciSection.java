package io.ltemodem.uci;

import java.util.List;

/** A section in file order; anonymous sections carry the name libuci generates ({@code cfg02a1b3}). */
public record UciSection(String name, String type, boolean anonymous, List<UciOption> options) {
    public UciSection {
        options = List.copyOf(options);
    }

    /** The option, or null. */
    public UciOption option(String option) {
        for (UciOption o : options) if (o.name().equals(option)) return o;
        return null;
    }

    /** The value of a string option, or null (also null for a list). */
    public String string(String option) {
        UciOption o = option(option);
        return o == null || o.isList() ? null : o.value();
    }
}

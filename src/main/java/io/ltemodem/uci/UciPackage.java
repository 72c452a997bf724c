package io.ltemodem.uci;

import java.util.List;

/** One config file ({@code network}, {@code ltemodem}) as libuci sees it: its sections in file order. */
public record UciPackage(String name, List<UciSection> sections) {
    public UciPackage {
        sections = List.copyOf(sections);
    }

    public UciSection section(String section) {
        for (UciSection s : sections) if (s.name().equals(section)) return s;
        return null;
    }

    public List<UciSection> sectionsOfType(String type) {
        return sections.stream().filter(s -> s.type().equals(type)).toList();
    }
}

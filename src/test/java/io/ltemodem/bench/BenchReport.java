package io.ltemodem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints a benchmark section and appends it to {@code bench/out/sections.md} (the Makefile assembles RESULTS.md). */
final class BenchReport {
    static final Path OUT = Path.of(System.getProperty("ltemodem.bench.out", "bench/out"));

    private BenchReport() {
    }

    static synchronized void section(String title, String table, String note) {
        String text = "### " + title + "\n\n" + table + "\n" + note + "\n\n";
        System.out.println();
        System.out.print(text);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("sections.md"), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

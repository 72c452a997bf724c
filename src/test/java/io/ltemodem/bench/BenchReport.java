package io.ltemodem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prints a benchmark section and appends it to {@code bench/out/sections.md}; key figures go to
 * {@code bench/out/summary.md}, one table row each against the target. The Makefile assembles both into
 * bench/RESULTS.md and prints the summary.
 */
final class BenchReport {
    static final Path OUT = Path.of(System.getProperty("ltemodem.bench.out", "bench/out"));

    private BenchReport() {
    }

    /** One row of the summary table: {@code id} (P1..P7) sorts the rows. */
    static synchronized void summary(String id, String what, String value, String target, Boolean met) {
        String verdict = met == null ? "–" : met ? "met" : "**missed**";
        String row = "| " + id + " | " + what + " | " + value + " | " + target + " | " + verdict + " |\n";
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("summary.md"), row, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

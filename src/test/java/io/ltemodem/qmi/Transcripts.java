package io.ltemodem.qmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exact tool output captured against the reference simulator (qmicli 1.32.2, uqmi 7914da4), one file per
 * command, copied verbatim from shared/reference/qmicli-uqmi-transcripts.txt into test resources.
 */
final class Transcripts {
    private Transcripts() {
    }

    static String of(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream(name + ".txt")) {
            if (in == null) throw new IllegalArgumentException("no transcript " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

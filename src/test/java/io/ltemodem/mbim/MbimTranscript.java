package io.ltemodem.mbim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact output of the real mbimcli 1.28.2 against the reference simulator, copied verbatim from
 * shared/reference/mbimcli-transcript.txt: one section per command line ({@code ### mbimcli ...}), stdout and stderr
 * together, ending with {@code rc=N}.
 */
public final class MbimTranscript {
    private MbimTranscript() {
    }

    /** Command line (without "mbimcli -d /dev/pts/1 ") → its output (without the rc line). */
    public static Map<String, String> sections() {
        return sections(false);
    }

    /** Command line → its output followed by the exit code (the {@code rc=} value), as printed. */
    public static Map<String, String> sectionsWithExitCodes() {
        return sections(true);
    }

    private static Map<String, String> sections(boolean withExitCode) {
        String all;
        try (InputStream in = MbimTranscript.class.getResourceAsStream("mbimcli-transcript.txt")) {
            if (in == null) throw new IllegalStateException("no transcript");
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        String key = null;
        StringBuilder body = new StringBuilder();
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (key != null) out.put(key, body.toString());
                key = line.substring(4).replace("mbimcli -d /dev/pts/1 ", "").trim();
                body.setLength(0);
            } else if (key != null && line.startsWith("rc=")) {
                if (withExitCode) body.append(line.substring(3));
                out.put(key, body.toString());
                key = null; // the section ends with its exit code
            } else if (key != null) {
                body.append(line).append('\n');
            }
        }
        if (key != null) out.put(key, body.toString());
        return out;
    }

    public static String of(String commandLine) {
        String s = sections().get(commandLine);
        if (s == null) throw new IllegalArgumentException("no section " + commandLine + " in " + sections().keySet());
        return s;
    }
}

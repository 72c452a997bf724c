package io.ltemodem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The distinctive secrets of the suite, from {@code secrets.list} (the one list the output scan greps for): values
 * no IMEI, ICCID, pid or timing would ever contain by chance, unlike a PIN such as 1234.
 */
public final class TestSecrets {
    public static final List<String> ALL = load();
    /** An 8-digit SIM PIN. */
    public static final String PIN = ALL.get(0);
    /** An 8-digit PUK. */
    public static final String PUK = ALL.get(1);
    /** An APN password. */
    public static final String PASSWORD = ALL.get(2);

    private TestSecrets() {
    }

    private static List<String> load() {
        try (InputStream in = TestSecrets.class.getResourceAsStream("secrets.list")) {
            if (in == null) throw new IllegalStateException("secrets.list missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which of the secrets {@code text} contains (empty: none). */
    public static List<String> in(String text) {
        return ALL.stream().filter(text::contains).toList();
    }
}

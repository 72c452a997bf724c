package io.ltemodem.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the bytes the host writes into command lines. A line ends with CR (S3); a LF after it (hosts that send
 * CR LF) is dropped; backspace edits (S5). Bytes before {@code AT} are noise a modem ignores.
 */
final class AtLineAssembler {
    private static final int MAX_LINE = 2048;

    private final StringBuilder line = new StringBuilder();
    private boolean overflow;

    /** Feeds {@code n} bytes; returns the complete command lines, each starting with {@code AT} (any case). */
    List<String> feed(byte[] buf, int n) {
        List<String> out = new ArrayList<>(1);
        for (int i = 0; i < n; i++) {
            char c = (char) (buf[i] & 0xff);
            if (c == '\r') {
                String l = overflow ? null : commandPart(line);
                line.setLength(0);
                overflow = false;
                if (l != null) out.add(l);
            } else if (c == '\n') {
                // the LF of a CR LF terminator, or stray: not part of a command
            } else if (c == 0x08) {
                if (line.length() > 0) line.setLength(line.length() - 1);
            } else if (line.length() < MAX_LINE) {
                line.append(c);
            } else {
                overflow = true;
            }
        }
        return out;
    }

    private static String commandPart(CharSequence s) {
        String str = s.toString();
        int at = indexOfAt(str);
        return at < 0 ? null : str.substring(at);
    }

    private static int indexOfAt(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char a = s.charAt(i);
            char t = s.charAt(i + 1);
            if ((a == 'A' || a == 'a') && (t == 'T' || t == 't')) return i;
        }
        return -1;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package io.ltemodem.at;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the byte stream of an AT port into lines. A line ends at CR or LF (modems send CRLF, some a bare CR,
 * and lines arrive split across reads). Empty lines are dropped. Bytes that are not text make the line
 * {@link #GARBAGE}, so noise on the wire can never be mistaken for a response.
 */
final class LineAssembler {
    /** Marker for a line that contained control bytes or invalid UTF-8. */
    static final String GARBAGE = "\u0000garbage";
    static final int MAX_LINE = 4096;

    private final byte[] line = new byte[MAX_LINE];
    private int len;
    private boolean overflow;

    /** Feeds bytes; returns the lines completed by them. */
    List<String> feed(byte[] buf, int off, int n) {
        List<String> out = new ArrayList<>(2);
        for (int i = off; i < off + n; i++) {
            byte b = buf[i];
            if (b == '\r' || b == '\n') {
                if (len > 0 || overflow) out.add(overflow ? GARBAGE : decode());
                len = 0;
                overflow = false;
            } else if (len < MAX_LINE) {
                line[len++] = b;
            } else {
                overflow = true;
            }
        }
        return out;
    }

    /** The unfinished line so far (an SMS-style prompt has no line end), without consuming it. */
    String partial() {
        return len == 0 ? "" : decode();
    }

    /**
     * Drops an unfinished line before a command is written, so old noise (say a stray {@code OK} without its
     * line end) cannot become part of the answer. The start of a named URC ({@code +CEREG: 1} still arriving)
     * is kept: it will end normally and be delivered.
     */
    void dropNoise() {
        if (len > 0 && !overflow && LineClassifier.hasPrefix(decode())) return;
        len = 0;
        overflow = false;
    }

    void clear() {
        len = 0;
        overflow = false;
    }

    private String decode() {
        for (int i = 0; i < len; i++) {
            int c = line[i] & 0xff;
            if ((c < 0x20 && c != '\t') || c == 0x7f) return GARBAGE;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = d.decode(ByteBuffer.wrap(line, 0, len));
            return cb.toString().trim();
        } catch (CharacterCodingException e) {
            return GARBAGE;
        }
    }
}

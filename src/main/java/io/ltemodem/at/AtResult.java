package io.ltemodem.at;

import java.util.List;

/**
 * The typed outcome of one AT command: the information lines and how it ended.
 * {@code cme} is the +CME/+CMS error number (text errors are mapped to their number where known).
 */
public record AtResult(Kind kind, List<String> lines, Integer cme, String errorText) {

    public enum Kind {
        OK, ERROR, CME_ERROR, CMS_ERROR, NO_CARRIER, CONNECT, BUSY, NO_ANSWER, NO_DIALTONE, NOT_SUPPORTED,
        /** No final result code before the deadline. */
        TIMEOUT,
        /** The port was lost (or closed) before the response completed. */
        CLOSED
    }

    public AtResult {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static AtResult of(Kind kind, List<String> lines) {
        return new AtResult(kind, lines, null, null);
    }

    public static AtResult timeout(List<String> partial) {
        return new AtResult(Kind.TIMEOUT, partial, null, "no final result code before the deadline");
    }

    public static AtResult closed(String why) {
        return new AtResult(Kind.CLOSED, List.of(), null, why);
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /** The modem answered (with any final result code), as opposed to a timeout or a lost port. */
    public boolean answered() {
        return kind != Kind.TIMEOUT && kind != Kind.CLOSED;
    }

    public boolean isCme(int code) {
        return cme != null && cme == code && (kind == Kind.CME_ERROR);
    }

    /** The first line starting with {@code prefix} (case-insensitive), or null. */
    public String line(String prefix) {
        for (String l : lines) if (l.regionMatches(true, 0, prefix, 0, prefix.length())) return l;
        return null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CME_ERROR -> "+CME ERROR: " + (cme != null ? cme : errorText);
            case CMS_ERROR -> "+CMS ERROR: " + (cme != null ? cme : errorText);
            case TIMEOUT, CLOSED -> kind + (errorText != null ? " (" + errorText + ")" : "");
            default -> kind + (lines.isEmpty() ? "" : " " + lines);
        };
    }
}

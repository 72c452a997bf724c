package io.ltemodem.uci;

/** A config file that could not be loaded: missing, unreadable, or with a syntax error (line and byte given). */
public final class UciException extends Exception {
    public enum Kind { NOT_FOUND, PARSE, IO, OTHER }

    private final Kind kind;
    private final String reason;
    private final int line;
    private final int position;

    public UciException(Kind kind, String message) {
        this(kind, message, null, -1, -1);
    }

    public UciException(Kind kind, String message, String reason, int line, int position) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.line = line;
        this.position = position;
    }

    /** A parse error worded as libuci words it: {@code parse error (reason) at line N, byte M}. */
    public static UciException parse(String pkg, String reason, int line, int position) {
        return new UciException(Kind.PARSE, pkg + ": parse error (" + reason + ") at line " + line + ", byte " + position,
                reason, line, position);
    }

    public Kind kind() {
        return kind;
    }

    /** libuci's reason for a parse error ({@code invalid command}, ...), else null. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int position() {
        return position;
    }
}

package io.ltemodem.at;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AT command line: its text (without the trailing CR), its deadline and the prefixes that mark
 * its own information lines (e.g. {@code +CEREG:}), so that lines with other prefixes are known to be URCs.
 */
public record AtCommand(String text, long timeoutMs, List<String> responsePrefixes) {
    public static final long DEFAULT_TIMEOUT_MS = 5_000;

    /** Commands whose arguments are secrets (PIN, PUK, passwords): masked wherever a command is logged. */
    private static final Pattern SECRET_ARGS = Pattern.compile(
            "(?i)(\\+CPIN=|\\+CPWD=|\\+CLCK=\"[A-Z0-9]{2}\",\\d,|\\+QICSGP=.*?,.*?,.*?,|\\^NDISDUP=.*?,.*?,.*?,|\\+CGAUTH=\\d+,\\d,)(.*)$");

    public AtCommand {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty AT command");
        responsePrefixes = responsePrefixes == null ? List.of() : List.copyOf(responsePrefixes);
    }

    /** A command with the default deadline and the prefix derived from its name ({@code AT+CSQ} → {@code +CSQ:}). */
    public static AtCommand of(String text) {
        return of(text, DEFAULT_TIMEOUT_MS);
    }

    public static AtCommand of(String text, long timeoutMs) {
        return new AtCommand(text, timeoutMs, derivePrefix(text));
    }

    /** A command whose information lines carry another prefix (e.g. {@code AT+CICCID} answers {@code +ICCID:}). */
    public static AtCommand withPrefix(String text, long timeoutMs, String... prefixes) {
        return new AtCommand(text, timeoutMs, List.of(prefixes));
    }

    public AtCommand withTimeout(long ms) {
        return new AtCommand(text, ms, responsePrefixes);
    }

    /**
     * {@code AT+CEREG?} → {@code +CEREG:}; {@code AT+QENG="servingcell"} → {@code +QENG:};
     * for chained commands the last one counts. Basic commands (ATI, ATE0) have no prefix.
     */
    static List<String> derivePrefix(String text) {
        String t = text.trim();
        int semi = t.lastIndexOf(';');
        String last = semi >= 0 ? t.substring(semi + 1) : t;
        if (last.regionMatches(true, 0, "AT", 0, 2)) last = last.substring(2);
        if (last.isEmpty()) return List.of();
        char c = last.charAt(0);
        if (c != '+' && c != '^' && c != '#' && c != '!' && c != '$' && c != '%' && c != '*') return List.of();
        int end = 1;
        while (end < last.length() && (Character.isLetterOrDigit(last.charAt(end)) || last.charAt(end) == '_')) end++;
        if (end == 1) return List.of();
        return List.of(last.substring(0, end).toUpperCase(Locale.ROOT) + ":");
    }

    /** The text with any secret argument replaced by {@code ***}: safe for logs, events and exceptions. */
    public String loggable() {
        return mask(text);
    }

    public static String mask(String commandText) {
        if (commandText == null) return null;
        Matcher m = SECRET_ARGS.matcher(commandText);
        return m.find() ? commandText.substring(0, m.start(2)) + "***" : commandText;
    }

    @Override
    public String toString() {
        return loggable();
    }
}

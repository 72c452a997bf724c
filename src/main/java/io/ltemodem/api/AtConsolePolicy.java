package io.ltemodem.api;

import io.ltemodem.at.AtCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code at} method may send to a modem: the one place that decides it.
 *
 * <p>Always refused ({@code INVALID_ARGUMENT}): an empty or over-long line, any control character (CR and LF would
 * end the line early and smuggle a second command in; Ctrl-Z sends an SMS or ends a data block; ESC aborts one),
 * anything outside printable ASCII, a line that does not start with {@code AT}, an unterminated quote.
 *
 * <p>Refused unless {@code at_allow_dangerous} ({@code PERMISSION_DENIED}): commands that change persistent modem
 * state, SIM locks or the USB composition, power the modem down or reset it, or take the port away from the AT
 * parser. Decisions worth knowing:
 * <ul>
 *   <li>{@code +CFUN}: only {@code +CFUN=1} (full function) is free. {@code =0}/{@code =4} turn the radio off
 *   behind the daemon's back, and {@code +CFUN=1,1} (and {@code =15}, {@code =16}) reset the modem. A reset goes
 *   through the {@code reset} method, which counts it against the hourly cap and waits for the ports to come
 *   back.</li>
 *   <li>{@code +CPIN=}: PIN entry is the daemon's job (it sends a PIN only with ≥ 2 tries left, once per value).</li>
 *   <li>{@code +CLCK}: only the query form ({@code +CLCK="SC",2}) is free. {@code +CPWD=} is refused.</li>
 *   <li>{@code +QCFG}: a read ({@code +QCFG="usbnet"}, one argument) is free; any write (two or more arguments)
 *   is refused, since most {@code +QCFG} settings are stored in NV and several change the USB composition.</li>
 *   <li>{@code +CRSM}: the read commands (176 READ BINARY, 178 READ RECORD, 192 GET RESPONSE, 242 STATUS) are free;
 *   updates are refused. {@code +CSIM} (raw APDUs: can verify or change a PIN) is refused.</li>
 *   <li>{@code +CGDCONT}, {@code +COPS}, {@code +CGATT}, {@code +CGACT} are free: the reconciler restores what it
 *   owns on its next cycle.</li>
 * </ul>
 * Read ({@code ?}) and test ({@code =?}) forms of every command are free. Chained commands ({@code ;}) and basic
 * commands in front of an extended one ({@code ATE0&W}) are checked one by one.
 */
public final class AtConsolePolicy {
    public static final int MAX_LENGTH = 512;

    /** The outcome: allowed, or the status and the reason (with secrets masked). */
    public record Verdict(boolean allowed, int status, String reason) {
        static final Verdict OK = new Verdict(true, UbusStatus.OK, null);

        static Verdict invalid(String reason) {
            return new Verdict(false, UbusStatus.INVALID_ARGUMENT, reason);
        }

        static Verdict dangerous(String reason) {
            return new Verdict(false, UbusStatus.PERMISSION_DENIED, reason
                    + "; set option at_allow_dangerous '1' in /etc/config/ltemodem to allow it");
        }
    }

    /** Why a command is dangerous, given its arguments; null when this form is harmless. */
    private interface Rule {
        String check(Form form, List<String> args);
    }

    private enum Form { EXEC, READ, TEST, SET }

    private static Rule always(String why) {
        return (form, args) -> form == Form.EXEC || form == Form.SET ? why : null;
    }

    private static Rule whenSet(String why) {
        return (form, args) -> form == Form.SET ? why : null;
    }

    private static final Set<String> CRSM_READS = Set.of("176", "178", "192", "242");

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // SIM locks and PIN entry
            Map.entry("+CLCK", (form, args) -> form == Form.SET && !(args.size() == 2 && args.get(1).equals("2"))
                    ? "changes a SIM or network lock" : null),
            Map.entry("+CPWD", whenSet("changes a SIM password")),
            Map.entry("+CPIN", whenSet("enters a PIN or PUK: the daemon does that itself, with its retry safety")),
            Map.entry("^CPIN", whenSet("enters a PIN or PUK: the daemon does that itself, with its retry safety")),
            Map.entry("+CSIM", whenSet("sends a raw APDU to the SIM (can verify or change a PIN)")),
            Map.entry("+CRSM", (form, args) -> form == Form.SET && (args.isEmpty() || !CRSM_READS.contains(args.get(0)))
                    ? "writes to the SIM" : null),
            // radio and resets
            Map.entry("+CFUN", (form, args) -> form == Form.SET && !(args.size() == 1 && args.get(0).equals("1"))
                    ? "turns the radio off or resets the modem: use the 'reset' method, which counts resets and waits"
                    + " for the ports" : null),
            Map.entry("+QPOWD", always("powers the modem down (it stays off unless the board re-powers it)")),
            Map.entry("+CPOF", always("powers the modem down")),
            Map.entry("+CRESET", always("resets the modem: use the 'reset' method")),
            Map.entry("!RESET", always("resets the modem: use the 'reset' method")),
            Map.entry("^RESET", always("resets the modem: use the 'reset' method")),
            Map.entry("#REBOOT", always("resets the modem: use the 'reset' method")),
            Map.entry("#ENHRST", always("schedules a modem reset")),
            Map.entry("#SHDN", always("powers the modem down")),
            Map.entry("+QFASTBOOT", always("reboots the modem into its firmware download mode")),
            Map.entry("!BOOTHOLD", always("reboots the modem into its boot loader")),
            Map.entry("+ZCDRUN", always("switches the modem's mode or firmware download state")),
            // USB composition and port setup (persistent; a wrong value can make the modem unusable)
            Map.entry("+QCFG", (form, args) -> form == Form.SET && args.size() > 1
                    ? "writes a modem setting stored in NV (some change the USB composition)" : null),
            Map.entry("+QPRTPARA", always("saves or restores the modem's stored parameters")),
            Map.entry("!USBCOMP", whenSet("changes the USB composition")),
            Map.entry("!ENTERCND", whenSet("unlocks the modem's protected commands")),
            Map.entry("!IMPREF", whenSet("changes the firmware image preference")),
            Map.entry("!PRIID", whenSet("changes the carrier configuration")),
            Map.entry("!CUSTOM", whenSet("changes a stored customisation")),
            Map.entry("+CUSBPIDSWITCH", whenSet("changes the USB composition")),
            Map.entry("#USBCFG", whenSet("changes the USB composition")),
            Map.entry("#FWSWITCH", whenSet("switches the firmware image")),
            Map.entry("+GTUSBMODE", whenSet("changes the USB composition")),
            Map.entry("^SETPORT", whenSet("changes the USB composition")),
            Map.entry("^U2DIAG", whenSet("changes the USB composition")),
            Map.entry("^NVWR", whenSet("writes the modem's NV memory")),
            Map.entry("+QNVW", whenSet("writes the modem's NV memory")),
            Map.entry("+QNVFW", whenSet("writes the modem's NV file system")),
            Map.entry("+QFOTADL", always("starts a firmware update")),
            Map.entry("+IPR", whenSet("changes the port's baud rate (stored on some modems)")),
            Map.entry("+CMUX", whenSet("switches the port to the multiplexer protocol, away from AT")));

    private AtConsolePolicy() {
    }

    /** Checks one command line as typed by a person (without CR). */
    public static Verdict check(String command, boolean allowDangerous) {
        if (command == null || command.isEmpty()) return Verdict.invalid("the command is empty");
        if (command.length() > MAX_LENGTH) {
            return Verdict.invalid("the command is " + command.length() + " characters long, at most " + MAX_LENGTH
                    + " are accepted");
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Verdict.invalid("control character " + controlName(c) + " at position " + i
                        + " (the daemon ends the line itself; CR, LF, Ctrl-Z and ESC are never sent)");
            }
            if (c > 0x7e) return Verdict.invalid("non-ASCII character at position " + i);
        }
        if (!command.regionMatches(true, 0, "AT", 0, 2)) {
            return Verdict.invalid("the command must start with AT");
        }
        List<String> parts = splitOutsideQuotes(command.substring(2), ';');
        if (parts == null) return Verdict.invalid("unterminated quote in the command");
        if (allowDangerous) return Verdict.OK;
        for (String part : parts) {
            String why = dangerous(normalize(part));
            if (why != null) return Verdict.dangerous(AtCommand.mask(command) + ": refused: " + why);
        }
        return Verdict.OK;
    }

    /** Null when harmless, else why not. {@code cmd} is upper-cased outside quotes, without blanks. */
    private static String dangerous(String cmd) {
        int ext = firstExtendedPrefix(cmd);
        String basic = ext < 0 ? cmd : cmd.substring(0, ext);
        if (basic.contains("&W") || basic.contains("&Y")) return "stores the modem's settings profile";
        if (ext < 0) return null;
        String rest = cmd.substring(ext);
        int end = 1;
        while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '_')) end++;
        String name = rest.substring(0, end);
        String tail = rest.substring(end);
        Form form;
        List<String> args = List.of();
        if (tail.isEmpty()) {
            form = Form.EXEC;
        } else if (tail.equals("?")) {
            form = Form.READ;
        } else if (tail.equals("=?")) {
            form = Form.TEST;
        } else if (tail.startsWith("=")) {
            form = Form.SET;
            args = splitOutsideQuotes(tail.substring(1), ',');
            if (args == null) args = List.of();
        } else {
            // Something like "+CFUN1" or trailing text: modems treat it as an exec or reject it. Judge it as a
            // write with the text as its argument, so nothing slips through on odd spelling.
            form = Form.SET;
            args = List.of(tail);
        }
        Rule r = RULES.get(name);
        return r == null ? null : r.check(form, args);
    }

    private static int firstExtendedPrefix(String cmd) {
        boolean quoted = false;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '+' || c == '^' || c == '#' || c == '!' || c == '$' || c == '%' || c == '*')) return i;
        }
        return -1;
    }

    /** Upper-case outside double quotes and drop blanks outside them (V.250 ignores spaces there). */
    private static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && c == ' ') continue;
            b.append(quoted ? c : Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** Splits on {@code sep} outside double quotes, trimming each piece; null for an unterminated quote. */
    static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == sep && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) return null;
        out.add(cur.toString().trim());
        return out;
    }

    private static String controlName(char c) {
        String hex = String.format(Locale.ROOT, "0x%02x", (int) c);
        return switch (c) {
            case '\r' -> hex + " (CR)";
            case '\n' -> hex + " (LF)";
            case 0x1a -> hex + " (Ctrl-Z)";
            case 0x1b -> hex + " (ESC)";
            default -> hex;
        };
    }
}

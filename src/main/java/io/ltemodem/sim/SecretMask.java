package io.ltemodem.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides PINs, PUKs and APN passwords in command lines before they reach a log or a record. */
public final class SecretMask {
    /** Commands whose parameters are secrets, with how many leading parameters are not (facility, mode). */
    private static final Pattern SECRET_COMMAND =
            Pattern.compile("([+^](?:CPIN|CPWD|CLCK|CPIN2|CGAUTH|QICSGP|NDISDUP)=)([^;]*)", Pattern.CASE_INSENSITIVE);

    private SecretMask() {
    }

    /** {@code AT+CPIN="1234"} → {@code AT+CPIN="****"}; {@code AT+CLCK="SC",1,"1234"} → {@code AT+CLCK="SC",1,"****"}. */
    public static String mask(String line) {
        Matcher m = SECRET_COMMAND.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String cmd = m.group(1).toUpperCase();
            // Kept: CLCK facility and mode, CPWD facility, CGAUTH cid, protocol and user name, QICSGP/NDISDUP cid,
            // type/connect, APN and user name (a user name is no secret; the password after it is).
            int keep = cmd.contains("CLCK") ? 2 : cmd.contains("CPWD") ? 1 : cmd.contains("CGAUTH") ? 3
                    : cmd.contains("QICSGP") || cmd.contains("NDISDUP") ? 4 : 0;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + maskArgs(m.group(2), keep)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskArgs(String args, int keep) {
        if (args.equals("?")) return args;
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String a : args.split(",", -1)) {
            if (index > 0) out.append(',');
            if (index < keep || a.isEmpty()) out.append(a);
            else out.append(a.startsWith("\"") ? "\"****\"" : "****");
            index++;
        }
        return out.toString();
    }
}

package io.ltemodem.at;

import java.util.Locale;

/** Recognises the final result codes that end a response (27.007 and ModemManager's list). */
final class FinalCode {
    private FinalCode() {
    }

    /** The result for a final-code line (information lines are filled in by the caller), or null. */
    static AtResult parse(String line) {
        String u = line.trim().toUpperCase(Locale.ROOT);
        switch (u) {
            case "OK": return AtResult.of(AtResult.Kind.OK, null);
            case "ERROR": return new AtResult(AtResult.Kind.ERROR, null, null, "ERROR");
            case "NO CARRIER": return new AtResult(AtResult.Kind.NO_CARRIER, null, null, "NO CARRIER");
            case "BUSY": return new AtResult(AtResult.Kind.BUSY, null, null, "BUSY");
            case "NO ANSWER": return new AtResult(AtResult.Kind.NO_ANSWER, null, null, "NO ANSWER");
            case "NO DIALTONE": return new AtResult(AtResult.Kind.NO_DIALTONE, null, null, "NO DIALTONE");
            case "COMMAND NOT SUPPORT": return new AtResult(AtResult.Kind.NOT_SUPPORTED, null, null, "COMMAND NOT SUPPORT");
            default: break;
        }
        if (u.equals("CONNECT") || u.startsWith("CONNECT ")) return new AtResult(AtResult.Kind.CONNECT, null, null, line.trim());
        if (u.startsWith("+CME ERROR:")) {
            String v = line.trim().substring("+CME ERROR:".length()).trim();
            return new AtResult(AtResult.Kind.CME_ERROR, null, CmeError.parse(v), v);
        }
        if (u.startsWith("+CMS ERROR:")) {
            String v = line.trim().substring("+CMS ERROR:".length()).trim();
            Integer n = v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() < 7 ? Integer.valueOf(v) : null;
            return new AtResult(AtResult.Kind.CMS_ERROR, null, n, v);
        }
        return null;
    }

    static AtResult withLines(AtResult fin, java.util.List<String> lines) {
        return new AtResult(fin.kind(), lines, fin.cme(), fin.errorText());
    }
}

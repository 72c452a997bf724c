package io.ltemodem.at.parse;

import io.ltemodem.model.Identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Identification answers: {@code AT+CGMI/+CGMM/+CGMR/+CGSN/+CIMI}, the ICCID commands and {@code ATI}.
 *
 * <p>The same answer comes bare ({@code Quectel}), prefixed ({@code +CGMI: "Fibocom"}) or labelled
 * ({@code Revision: EC25EFAR06A06M4G}); all three are accepted. The value is the whole rest of the line —
 * never split on commas, since {@code Sierra Wireless, Incorporated} is one name. A line that starts with
 * another {@code +}/{@code ^} prefix is not the answer (an interleaved URC) and is skipped.
 */
public final class IdentityParsers {
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,128}");
    private static final Pattern OTHER_PREFIX = Pattern.compile("^[+^!#$%][A-Za-z0-9]+\\s*:.*");
    /** "Key: value" lines of ATI that are not ours (MEID, ESN, FSN, IMEI SV, ...). */
    private static final Pattern LABELLED = Pattern.compile("^[A-Za-z][A-Za-z0-9 _-]{0,20}:\\s.*");

    private static final String[] MANUFACTURER = {"+CGMI", "+GMI", "Manufacturer"};
    private static final String[] MODEL = {"+CGMM", "+GMM", "Model"};
    private static final String[] REVISION = {"+CGMR", "+GMR", "Revision"};
    private static final String[] IMEI = {"+CGSN", "+GSN", "IMEI"};
    private static final String[] IMSI = {"+CIMI", "IMSI"};
    private static final String[] ICCID = {"+QCCID", "+ICCID", "+CICCID", "+CCID", "^ICCID", "!ICCID", "ICCID"};

    private IdentityParsers() {
    }

    public static Optional<String> parseManufacturer(List<String> lines) {
        return Lines.guarded(() -> value(lines, MANUFACTURER, IdentityParsers::printable));
    }

    public static Optional<String> parseModel(List<String> lines) {
        return Lines.guarded(() -> value(lines, MODEL, IdentityParsers::printable));
    }

    /** Firmware revision from {@code AT+CGMR} (bare, {@code +CGMR:} or {@code Revision:}). */
    public static Optional<String> parseRevision(List<String> lines) {
        return Lines.guarded(() -> value(lines, REVISION, IdentityParsers::printable));
    }

    /** IMEI from {@code AT+CGSN}: 14–17 digits (IMEI without/with check digit, IMEISV). */
    public static Optional<String> parseImei(List<String> lines) {
        return Lines.guarded(() -> value(lines, IMEI, IdentityParsers::imei));
    }

    /** IMSI from {@code AT+CIMI}: 6–15 digits. */
    public static Optional<String> parseImsi(List<String> lines) {
        return Lines.guarded(() -> value(lines, IMSI, s -> s.matches("[0-9]{6,15}")));
    }

    /**
     * ICCID from Quectel {@code +QCCID:}, {@code +ICCID:}, SIMCom {@code +CICCID:}, {@code +CCID:}, Huawei
     * {@code ^ICCID:}, Sierra {@code !ICCID:}/{@code ICCID:} or a bare line. Trailing {@code F} padding is
     * stripped; the result must be 18–22 decimal digits. A value starting {@code 98} is in the SIM's raw
     * nibble-swapped order (Huawei {@code ^ICCID}) and is swapped back: every ICCID starts with 89
     * (E.118 telecom industry identifier), so this cannot misfire.
     */
    public static Optional<String> parseIccid(List<String> lines) {
        return Lines.guarded(() -> value(lines, ICCID, s -> normaliseIccid(s) != null)
                .map(IdentityParsers::normaliseIccid));
    }

    /**
     * {@code ATI}: Quectel prints {@code Quectel / RG502Q-EA / Revision: ...}; Sierra, SIMCom, Huawei and
     * Fibocom print {@code Manufacturer: / Model: / Revision: / IMEI:} lines. Labelled lines win; unlabelled
     * lines fill manufacturer, then model. imsi and iccid stay null. Empty when nothing was recognised.
     */
    public static Optional<Identity> parseAti(List<String> lines) {
        return Lines.guarded(() -> {
            if (lines == null) return Optional.empty();
            String manufacturer = null;
            String model = null;
            String revision = null;
            String imei = null;
            String firstBare = null;
            String secondBare = null;
            for (String raw : lines) {
                if (raw == null || raw.isBlank()) continue;
                String line = raw.strip();
                Optional<String> v;
                if ((v = labelled(line, "Manufacturer")).isPresent()) manufacturer = v.get();
                else if ((v = labelled(line, "Model")).isPresent()) model = v.get();
                else if ((v = labelled(line, "Revision")).isPresent()) revision = v.get();
                else if ((v = labelled(line, "IMEI")).isPresent()) imei = imei(v.get()) ? v.get() : null;
                else if (OTHER_PREFIX.matcher(line).matches() || LABELLED.matcher(line).matches()) continue;
                else if (!printable(line)) continue;
                else if (firstBare == null) firstBare = line;
                else if (secondBare == null) secondBare = line;
            }
            if (manufacturer == null) manufacturer = firstBare;
            else if (model == null) model = firstBare;
            if (model == null) model = secondBare;
            if (manufacturer == null && model == null && revision == null) return Optional.empty();
            return Optional.of(new Identity(manufacturer, model, revision, imei, null, null));
        });
    }

    private static Optional<String> labelled(String line, String label) {
        return AtFields.payload(line, label).map(IdentityParsers::unquote).filter(IdentityParsers::printable);
    }

    /** The first line that answers: a known prefix, else a bare line; the value must pass {@code valid}. */
    private static Optional<String> value(List<String> lines, String[] prefixes, Predicate<String> valid) {
        return Lines.first(lines, raw -> {
            String line = raw.strip();
            if (line.isEmpty()) return Optional.empty();
            String v = null;
            for (String p : prefixes) {
                Optional<String> payload = AtFields.payload(line, p);
                if (payload.isPresent()) {
                    v = payload.get();
                    break;
                }
            }
            if (v == null) {
                if (OTHER_PREFIX.matcher(line).matches()) return Optional.empty();
                v = line;
            }
            v = unquote(v);
            return valid.test(v) ? Optional.of(v) : Optional.empty();
        });
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).strip();
        return t;
    }

    private static boolean printable(String s) {
        return s != null && PRINTABLE.matcher(s).matches();
    }

    private static boolean imei(String s) {
        return s.matches("[0-9]{14,17}");
    }

    /** The ICCID digits, or null when the text is not an ICCID. */
    static String normaliseIccid(String s) {
        String t = s.toUpperCase(Locale.ROOT);
        if (t.startsWith("98") && t.length() % 2 == 0) {
            StringBuilder sw = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i += 2) sw.append(t.charAt(i + 1)).append(t.charAt(i));
            t = sw.toString();
        }
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == 'F') end--;
        t = t.substring(0, end);
        return t.matches("[0-9]{18,22}") ? t : null;
    }
}

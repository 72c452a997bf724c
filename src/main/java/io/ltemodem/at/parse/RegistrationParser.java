package io.ltemodem.at.parse;

import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;

import java.util.List;
import java.util.Optional;

/**
 * {@code +CREG/+CGREG/+CEREG/+C5GREG}, in both shapes (27.007 §7.2, §10.1.19, §10.1.22, §10.1.43):
 * <pre>
 * read (AT+CEREG?):  +CEREG: &lt;n&gt;,&lt;stat&gt;[,[&lt;tac&gt;],[&lt;ci&gt;],[&lt;AcT&gt;][,&lt;cause_type&gt;,&lt;reject_cause&gt;]]
 * URC  (n=1):        +CEREG: &lt;stat&gt;
 * URC  (n=2,3):      +CEREG: &lt;stat&gt;[,[&lt;tac&gt;],[&lt;ci&gt;],[&lt;AcT&gt;]...]
 * </pre>
 * Both carry the same prefix, so a reader must look at the fields ({@link #isUnsolicited}). Area and cell
 * are hex strings, quoted or (Huawei, Sierra, Novatel) not; they are returned without quotes and spaces,
 * otherwise as sent, null when empty. A non-numeric AcT reads as null (Samsung sends vendor fields there),
 * but a bad {@code n}/{@code stat} or a non-hex area/cell makes the line malformed.
 */
public final class RegistrationParser {
    private RegistrationParser() {
    }

    /** Which report a line is (from its prefix), or empty when it is none of the four. */
    public static Optional<RegDomain> domainOf(String line) {
        for (RegDomain d : RegDomain.values()) {
            if (AtFields.payload(line, d.command()).isPresent()) return Optional.of(d);
        }
        return Optional.empty();
    }

    /**
     * True when the line has the URC shape rather than the read shape. Rules, in order:
     * <ol>
     * <li>one field → URC ({@code +CEREG: 1});</li>
     * <li>second field quoted, empty, or not a decimal number → URC: it is an area
     *     ({@code +CEREG: 1,"1A2B",...}, {@code +CREG: 2,,}, {@code +CREG: 1,8BE3,2BAF});</li>
     * <li>only two fields, or a quoted/empty third field → read ({@code +CEREG: 0,1}, {@code +CREG: 2,1,"CE00",...});</li>
     * <li>all unquoted: a second field of 4+ characters is an area, not a stat → URC
     *     ({@code +CREG: 1,0001,0010,0}); else read ({@code +CREG: 2,1,0001,0010}).</li>
     * </ol>
     * False for lines that are not a registration report at all.
     */
    public static boolean isUnsolicited(String line) {
        Optional<RegDomain> d = domainOf(line);
        if (d.isEmpty()) return false;
        return AtFields.of(line, d.get().command()).map(RegistrationParser::urcShape).orElse(false);
    }

    private static boolean urcShape(AtFields f) {
        if (f.size() == 1) return true;
        if (f.quoted(1) || f.blank(1) || f.integer(1) == null) return true;
        if (f.size() == 2 || f.quoted(2) || f.blank(2)) return false;
        return f.text(1).length() >= 4;
    }

    /** Parses a line of either shape, deciding with {@link #isUnsolicited}. */
    public static Optional<Registration> parse(String line) {
        return isUnsolicited(line) ? parseUrc(line) : parseRead(line);
    }

    /**
     * The read answer among the information lines of {@code AT+CxREG?} for {@code domain}; URCs of the same
     * or another domain interleaved in the response are skipped.
     */
    public static Optional<Registration> parseRead(RegDomain domain, List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line ->
                domainOf(line).filter(d -> d == domain).isPresent() && !isUnsolicited(line)
                        ? parseRead(line) : Optional.empty()));
    }

    /** One read-form line: {@code +CEREG: 2,1,"1A2B","01A2B3C",7}. */
    public static Optional<Registration> parseRead(String line) {
        return Lines.guarded(() -> {
            Optional<RegDomain> d = domainOf(line);
            if (d.isEmpty()) return Optional.empty();
            Optional<AtFields> of = AtFields.of(line, d.get().command());
            if (of.isEmpty() || of.get().size() < 2) return Optional.empty();
            AtFields f = of.get();
            Integer n = f.integer(0);
            if (n == null || n < 0 || n > 5 || f.quoted(0)) return Optional.empty();
            return build(d.get(), n, f, 1, novatelLayout(d.get(), f.size() - 1));
        });
    }

    /** One URC line: {@code +CEREG: 1} or {@code +CEREG: 1,"1A2B","01A2B3C",7}. */
    public static Optional<Registration> parseUrc(String line) {
        return Lines.guarded(() -> {
            Optional<RegDomain> d = domainOf(line);
            if (d.isEmpty()) return Optional.empty();
            Optional<AtFields> of = AtFields.of(line, d.get().command());
            if (of.isEmpty()) return Optional.empty();
            AtFields f = of.get();
            return build(d.get(), null, f, 0, novatelLayout(d.get(), f.size()));
        });
    }

    /**
     * Novatel E362 (and others in ModemManager's test data) put a RAC-like field between TAC and CI in
     * +CEREG: {@code +CEREG: 2,1, 1F00, 20 ,79D903 ,7}. Counted from {@code <stat>}, standard +CEREG has
     * stat,tac,ci,act (4 fields) or 6+ with the reject cause; exactly 5 means that extra field. Only
     * +CEREG: in +CGREG the fifth field is the standard RAC, after the AcT.
     */
    private static boolean novatelLayout(RegDomain d, int fieldsFromStat) {
        return d == RegDomain.EPS && fieldsFromStat == 5;
    }

    private static Optional<Registration> build(RegDomain d, Integer n, AtFields f, int at, boolean novatel) {
        if (f.quoted(at)) return Optional.empty();
        Integer code = f.integer(at);
        if (code == null) return Optional.empty();
        RegStat stat = RegStat.fromCode(code);
        if (stat == null) return Optional.empty();
        int areaAt = at + 1;
        int cellAt = novatel ? at + 3 : at + 2;
        if (!hexOrBlank(f, areaAt) || !hexOrBlank(f, cellAt)) return Optional.empty();
        Integer act = f.integer(novatel ? at + 4 : at + 3);
        if (act != null && (act < 0 || act > 255)) act = null;
        return Optional.of(new Registration(d, n, stat, hex(f, areaAt), hex(f, cellAt), act));
    }

    private static boolean hexOrBlank(AtFields f, int i) {
        if (f.blank(i)) return true;
        String s = hex(f, i);
        return AtFields.isHex(s) && s.length() <= 10;
    }

    /** The field without quotes and spaces, null when blank. */
    private static String hex(AtFields f, int i) {
        // Qualcomm Gobi 1000 pads inside the field ("  0 5"); spaces carry no meaning in a hex number.
        return f.blank(i) ? null : f.text(i).replaceAll("\\s+", "");
    }
}

package io.ltemodem.at.parse;

import io.ltemodem.model.Operator;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code AT+COPS?} → {@code +COPS: <mode>[,<format>,<oper>[,<AcT>]]} (27.007 §7.3).
 * mode 0..4; format 0 long alpha, 1 short alpha, 2 numeric. With format 2 the operator is MCC+MNC
 * ({@code "26201"}, {@code "310410"}) and mcc/mnc are filled; a format-2 operator that is not 5–6 digits
 * makes the line malformed, since the format promised digits.
 */
public final class OperatorParser {
    private static final Pattern PLMN = Pattern.compile("[0-9]{5,6}");

    private OperatorParser() {
    }

    /** The first {@code +COPS:} read answer among the lines (a chained {@code +COPS=3,2;+COPS?} gives several). */
    public static Optional<Operator> parse(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, OperatorParser::parseLine));
    }

    public static Optional<Operator> parseLine(String line) {
        return Lines.guarded(() -> AtFields.of(line, "+COPS").flatMap(OperatorParser::fromFields));
    }

    private static Optional<Operator> fromFields(AtFields f) {
        Integer mode = f.integer(0);
        // The test form "+COPS: (2,"Telekom.de",...),..." is not an answer to the read command.
        if (mode == null || mode < 0 || mode > 4 || f.quoted(0)) return Optional.empty();
        if (f.size() == 1 || f.blank(1)) return Optional.of(new Operator(mode, null, null, null, null, null));
        Integer format = f.integer(1);
        if (format == null || format < 0 || format > 2) return Optional.empty();
        String name = f.blank(2) ? null : f.text(2);
        Integer act = null;
        if (!f.blank(3)) {
            act = f.integer(3);
            if (act == null || act < 0 || act > 255) return Optional.empty();
        }
        String mcc = null;
        String mnc = null;
        if (format == 2 && name != null) {
            // Some firmwares separate MCC and MNC ("262 01"); the digits are what counts.
            String digits = name.replace(" ", "").replace("-", "");
            if (!PLMN.matcher(digits).matches()) return Optional.empty();
            name = digits;
            mcc = digits.substring(0, 3);
            mnc = digits.substring(3);
        }
        return Optional.of(new Operator(mode, format, name, act, mcc, mnc));
    }
}

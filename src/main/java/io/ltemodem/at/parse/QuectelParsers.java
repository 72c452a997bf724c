package io.ltemodem.at.parse;

import io.ltemodem.model.NetworkInfo;
import io.ltemodem.model.ServingCell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Quectel cell reports: {@code AT+QENG="servingcell"} → {@link ServingCell}, {@code AT+QNWINFO} →
 * {@link NetworkInfo}. Field orders from the Quectel EC25/EG25/BG96/RM500Q AT manuals (as used by QModem's
 * {@code quectel.sh}). Quectel prints {@code -} for a value it does not have; that reads as null, while any
 * other non-number where a number belongs makes the answer malformed.
 *
 * <p>SINR is passed through as the integer the module prints. Its unit differs by family (EC25 documents
 * 1/5 dB steps offset by −20 dB, RM5xx prints dB), and converting with the wrong rule would be worse than
 * a raw figure.
 */
public final class QuectelParsers {
    private static final String QENG = "+QENG";
    private static final Set<String> LTE_LIKE = Set.of("LTE", "CAT-M", "CAT-NB", "EMTC", "NBIOT");

    private QuectelParsers() {
    }

    /**
     * The serving cell from {@code AT+QENG="servingcell"}. Handles the one-line form
     * ({@code +QENG: "servingcell","NOCONN","LTE","FDD",262,01,...}), the state-only form
     * ({@code +QENG: "servingcell","SEARCH"}), EN-DC (a state line, then {@code +QENG: "LTE",...} and
     * {@code +QENG: "NR5G-NSA",...}; the LTE anchor is taken), NR5G-SA, WCDMA and GSM.
     */
    public static Optional<ServingCell> parseServingCell(List<String> lines) {
        return Lines.guarded(() -> {
            if (lines == null) return Optional.empty();
            String state = null;
            boolean sawStateLine = false;
            for (String line : lines) {
                Optional<AtFields> of = AtFields.of(line, QENG);
                if (of.isEmpty()) continue;
                AtFields f = of.get();
                if ("servingcell".equalsIgnoreCase(f.text(0))) {
                    sawStateLine = true;
                    state = f.blank(1) ? null : f.text(1).toUpperCase(Locale.ROOT);
                    if (f.size() > 2) return cell(state, f, 2);
                }
            }
            // EN-DC: the RAT blocks come on lines of their own, after the state line.
            for (String line : lines) {
                Optional<AtFields> of = AtFields.of(line, QENG);
                if (of.isPresent() && of.get().text(0) != null
                        && LTE_LIKE.contains(of.get().text(0).toUpperCase(Locale.ROOT))) {
                    return cell(state, of.get(), 0);
                }
            }
            if (!sawStateLine || state == null) return Optional.empty();
            return Optional.of(new ServingCell(state, null, null, null, null, null, null, null, null, null,
                    null, null, null, null));
        });
    }

    /** Dispatch on the RAT name at field {@code o}. */
    private static Optional<ServingCell> cell(String state, AtFields f, int o) {
        String rat = f.text(o) == null ? "" : f.text(o).toUpperCase(Locale.ROOT);
        Fields v = new Fields(f);
        if (LTE_LIKE.contains(rat)) {
            // "<rat>",<is_tdd>,<MCC>,<MNC>,<cellID>,<PCID>,<earfcn>,<band>,<UL_bw>,<DL_bw>,<TAC>,<RSRP>,<RSRQ>,<RSSI>,<SINR>[,<CQI>,<tx_power>],<srxlev>
            if (f.size() < o + 15) return Optional.empty();
            ServingCell c = new ServingCell(state, f.text(o), v.word(o + 1), v.digits(o + 2), v.digits(o + 3),
                    v.hex(o + 4), v.num(o + 5), v.num(o + 6), v.num(o + 7), v.hex(o + 10),
                    v.num(o + 11), v.num(o + 12), v.num(o + 13), v.num(o + 14));
            return v.ok ? Optional.of(c) : Optional.empty();
        }
        if (rat.equals("NR5G-SA")) {
            // "NR5G-SA",<duplex>,<MCC>,<MNC>,<cellID>,<PCID>,<TAC>,<ARFCN>,<band>,<NR_DL_bw>,<RSRP>,<RSRQ>,<SINR>,<scs>,<srxlev>
            if (f.size() < o + 13) return Optional.empty();
            ServingCell c = new ServingCell(state, f.text(o), v.word(o + 1), v.digits(o + 2), v.digits(o + 3),
                    v.hex(o + 4), v.num(o + 5), v.num(o + 7), v.num(o + 8), v.hex(o + 6),
                    v.num(o + 10), v.num(o + 11), null, v.num(o + 12));
            return v.ok ? Optional.of(c) : Optional.empty();
        }
        if (rat.equals("WCDMA")) {
            // "WCDMA",<MCC>,<MNC>,<LAC>,<cellID>,<uarfcn>,<PSC>,<RAC>,<RSCP>,<ecio>,...
            // The UARFCN goes into earfcn and the primary scrambling code into pcid: their UMTS analogues.
            if (f.size() < o + 10) return Optional.empty();
            ServingCell c = new ServingCell(state, f.text(o), null, v.digits(o + 1), v.digits(o + 2),
                    v.hex(o + 4), v.num(o + 6), v.num(o + 5), null, v.hex(o + 3), null, null, null, null);
            return v.ok ? Optional.of(c) : Optional.empty();
        }
        if (rat.equals("GSM")) {
            // "GSM",<mcc>,<mnc>,<lac>,<cellid>,<bsic>,<arfcn>,<band>,<rxlev>,...
            if (f.size() < o + 7) return Optional.empty();
            ServingCell c = new ServingCell(state, f.text(o), null, v.digits(o + 1), v.digits(o + 2),
                    v.hex(o + 4), null, v.num(o + 6), null, v.hex(o + 3), null, null, null, null);
            return v.ok ? Optional.of(c) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * {@code AT+QNWINFO} → {@code +QNWINFO: <act>,<oper>,<band>,<channel>}, e.g.
     * {@code "FDD LTE","26201","LTE BAND 3",1300}. {@code +QNWINFO: No Service} is empty (unknown).
     */
    public static Optional<NetworkInfo> parseNetworkInfo(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, QuectelParsers::parseNetworkInfoLine));
    }

    public static Optional<NetworkInfo> parseNetworkInfoLine(String line) {
        return Lines.guarded(() -> AtFields.of(line, "+QNWINFO").flatMap(f -> {
            if (f.size() < 3 || f.blank(0) || f.blank(2)) return Optional.empty();
            Integer channel = null;
            if (!f.blank(3)) {
                channel = f.integer(3);
                if (channel == null || channel < 0) return Optional.empty();
            }
            return Optional.of(new NetworkInfo(f.text(0), f.blank(1) ? null : f.text(1), f.text(2), channel));
        }));
    }

    /** Field readers that note a malformed value instead of throwing; {@code -} reads as null. */
    private static final class Fields {
        private final AtFields f;
        boolean ok = true;

        Fields(AtFields f) {
            this.f = f;
        }

        private String present(int i) {
            if (f.blank(i) || f.text(i).equals("-")) return null;
            return f.text(i);
        }

        Integer num(int i) {
            String s = present(i);
            if (s == null) return null;
            Integer v = AtFields.toInt(s);
            if (v == null) ok = false;
            return v;
        }

        /** MCC/MNC: digits kept as text, so that MNC "01" keeps its zero. */
        String digits(int i) {
            String s = present(i);
            if (s != null && !AtFields.isDigits(s)) ok = false;
            return s;
        }

        String hex(int i) {
            String s = present(i);
            if (s != null && !AtFields.isHex(s)) ok = false;
            return s;
        }

        /** FDD / TDD. */
        String word(int i) {
            String s = present(i);
            if (s != null && !s.equalsIgnoreCase("FDD") && !s.equalsIgnoreCase("TDD")) ok = false;
            return s == null ? null : s.toUpperCase(Locale.ROOT);
        }
    }
}

package io.ltemodem.at.parse;

import io.ltemodem.model.Rat;
import io.ltemodem.model.ServingCell;
import io.ltemodem.model.Signal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code +CSQ} and {@code +CESQ} (27.007 §8.5, §8.69) to physical units, and a Quectel serving cell to a
 * {@link Signal}. A result is empty when the answer is malformed <em>or</em> when it knows no figure at
 * all ({@code +CSQ: 99,99}): "no signal figure" is unknown, not a value.
 *
 * <p><b>CESQ convention.</b> 27.007 reports steps: rsrp index n (1..96) means {@code n-141 <= RSRP < n-140}
 * dBm, rsrq index n (1..33) means {@code n/2-20 <= RSRQ < n/2-19.5} dB, rxlev n means
 * {@code n-111 <= RSSI < n-110} dBm. We report rsrp = n − 140 and rsrq = n/2 − 19.5, the formula Nordic's
 * AT manual gives (the upper edge of the step; index 0 is everything below −140 / −19.5), and
 * rssi = rxlev − 111 (the lower edge, as ModemManager). ModemManager reports rsrp n − 141 and
 * rsrq n/2 − 20, i.e. one step (1 dB / 0.5 dB) lower; both are within the step's resolution.
 */
public final class SignalParsers {
    /** rsrp dBm = index + this. */
    static final int RSRP_OFFSET = -140;
    /** rsrq dB = index / 2 + this. */
    static final double RSRQ_OFFSET = -19.5;
    /** rssi dBm = rxlev + this. */
    static final int RXLEV_OFFSET = -111;

    private SignalParsers() {
    }

    /** {@code AT+CSQ} information lines → rssi. */
    public static Optional<Signal> parseCsq(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, SignalParsers::parseCsqLine));
    }

    /**
     * {@code +CSQ: <rssi>,<ber>}: rssi 0..31 → −113 + 2n dBm (0 means ≤ −113, 31 means ≥ −51);
     * 99 is "not known". ber must be 0..7 or 99 when present; it is not reported.
     */
    public static Optional<Signal> parseCsqLine(String line) {
        return Lines.guarded(() -> AtFields.of(line, "+CSQ").flatMap(f -> {
            Integer rssi = f.integer(0);
            if (rssi == null) return Optional.empty();
            if (!f.blank(1)) {
                Integer ber = f.integer(1);
                if (ber == null || !(ber >= 0 && ber <= 7 || ber == 99)) return Optional.empty();
            }
            if (rssi == 99) return Optional.empty();
            if (rssi < 0 || rssi > 31) return Optional.empty();
            return Optional.of(new Signal(-113 + 2 * rssi, null, null, null, null, null, null));
        }));
    }

    /** {@code AT+CESQ} information lines. */
    public static Optional<Signal> parseCesq(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, SignalParsers::parseCesqLine));
    }

    /**
     * {@code +CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>} → rssi (from rxlev), rsrq, rsrp. RSCP/EcNo
     * have no place in {@link Signal} and are only range-checked. The rat is the one whose fields are
     * filled (27.007 sets the others to 99/255): lte, else umts, else gsm.
     */
    public static Optional<Signal> parseCesqLine(String line) {
        return Lines.guarded(() -> AtFields.of(line, "+CESQ").flatMap(f -> {
            if (f.size() < 6) return Optional.empty();
            Integer rxlev = f.integer(0);
            Integer ber = f.integer(1);
            Integer rscp = f.integer(2);
            Integer ecno = f.integer(3);
            Integer rsrq = f.integer(4);
            Integer rsrp = f.integer(5);
            if (!inRange(rxlev, 63, 99) || !inRange(ber, 7, 99) || !inRange(rscp, 96, 255)
                    || !inRange(ecno, 49, 255) || !inRange(rsrq, 34, 255) || !inRange(rsrp, 97, 255)) {
                return Optional.empty();
            }
            Integer rssiDbm = rxlev == 99 ? null : rxlev + RXLEV_OFFSET;
            Integer rsrpDbm = rsrp == 255 ? null : rsrp + RSRP_OFFSET;
            Double rsrqDb = rsrq == 255 ? null : rsrq / 2.0 + RSRQ_OFFSET;
            if (rssiDbm == null && rsrpDbm == null && rsrqDb == null) return Optional.empty();
            Rat rat = rsrpDbm != null || rsrqDb != null ? Rat.LTE : rscp != 255 || ecno != 255 ? Rat.UMTS : Rat.GSM;
            return Optional.of(new Signal(rssiDbm, rsrpDbm, rsrqDb, null, rat.wireName(), null, null));
        }));
    }

    /** 0..max, or exactly {@code unknown}. */
    private static boolean inRange(Integer v, int max, int unknown) {
        return v != null && (v >= 0 && v <= max || v == unknown);
    }

    /**
     * A serving cell's figures as a {@link Signal}: rat as the ubus wire name ({@code lte}, {@code umts},
     * {@code nr5g}, {@code cat-m}, {@code nb-iot}), band as {@code B3} (LTE) or {@code n78} (NR), cell = the
     * cell id. Empty when the cell carries no figure at all (e.g. state SEARCH).
     */
    public static Optional<Signal> fromServingCell(ServingCell c) {
        if (c == null || c.rsrp() == null && c.rsrq() == null && c.rssi() == null && c.sinr() == null) {
            return Optional.empty();
        }
        Rat rat = ratOf(c.rat());
        String band = null;
        if (c.band() != null) {
            band = rat == Rat.NR5G ? "n" + c.band() : rat == Rat.UMTS || rat == Rat.GSM ? null : "B" + c.band();
        }
        return Optional.of(new Signal(c.rssi(), c.rsrp(),
                c.rsrq() == null ? null : c.rsrq().doubleValue(),
                c.sinr() == null ? null : c.sinr().doubleValue(),
                rat.wireName(), band, c.cellId()));
    }

    /** Quectel's RAT names in +QENG → {@link Rat}. */
    static Rat ratOf(String quectelRat) {
        if (quectelRat == null) return Rat.UNKNOWN;
        return switch (quectelRat.toUpperCase(Locale.ROOT)) {
            case "LTE" -> Rat.LTE;
            case "CAT-M", "EMTC" -> Rat.CAT_M;
            case "CAT-NB", "NBIOT" -> Rat.NB_IOT;
            case "WCDMA" -> Rat.UMTS;
            case "GSM" -> Rat.GSM;
            case "NR5G-SA", "NR5G-NSA" -> Rat.NR5G;
            default -> Rat.UNKNOWN;
        };
    }
}

package io.ltemodem.qmi;

import io.ltemodem.model.Operator;
import io.ltemodem.model.Rat;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;

import java.util.List;
import java.util.Locale;

/**
 * NAS serving system. {@code psAttached} is null when the tool does not report it (uqmi); numbers are null
 * when not reported. {@code mncDigits} is 3 only when the modem said the MNC has a PCS digit.
 */
public record ServingSystem(State registration, Boolean csAttached, Boolean psAttached, List<String> radioInterfaces,
                            Boolean roaming, Integer mcc, Integer mnc, int mncDigits, String description,
                            Integer lac, Long cellId, Integer tac) {

    public enum State {
        NOT_REGISTERED, REGISTERED, SEARCHING, DENIED, UNKNOWN;

        /** qmicli ({@code not-registered-searching}) and uqmi ({@code searching}, {@code registering_denied}). */
        public static State parse(String s) {
            if (s == null) return null;
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "not-registered" -> NOT_REGISTERED;
                case "registered" -> REGISTERED;
                case "not-registered-searching", "searching" -> SEARCHING;
                case "registration-denied", "registering-denied" -> DENIED;
                case "unknown" -> UNKNOWN;
                default -> null;
            };
        }
    }

    public ServingSystem {
        radioInterfaces = radioInterfaces == null ? List.of() : List.copyOf(radioInterfaces);
    }

    /** The best radio interface in use: 5G NR over LTE over UMTS over GSM. */
    public Rat rat() {
        Rat best = Rat.UNKNOWN;
        for (String r : radioInterfaces) {
            Rat x = switch (r.toLowerCase(Locale.ROOT)) {
                case "5gnr" -> Rat.NR5G;
                case "lte" -> Rat.LTE;
                case "umts", "td-scdma" -> Rat.UMTS;
                case "gsm" -> Rat.GSM;
                default -> Rat.UNKNOWN;
            };
            if (rank(x) > rank(best)) best = x;
        }
        return best;
    }

    private static int rank(Rat r) {
        return switch (r) {
            case NR5G -> 4;
            case LTE -> 3;
            case UMTS -> 2;
            case GSM -> 1;
            default -> 0;
        };
    }

    /** 27.007 registration status; roaming splits "registered". Null when the state is unknown. */
    public RegStat regStat() {
        if (registration == null) return null;
        return switch (registration) {
            case REGISTERED -> Boolean.TRUE.equals(roaming) ? RegStat.ROAMING : RegStat.HOME;
            case SEARCHING -> RegStat.SEARCHING;
            case DENIED -> RegStat.DENIED;
            case NOT_REGISTERED -> RegStat.NOT_REGISTERED;
            case UNKNOWN -> RegStat.UNKNOWN;
        };
    }

    /** 27.007 AcT for the RAT: 0 GSM, 2 UTRAN, 7 E-UTRAN, 11 NR; null when unknown. */
    public Integer act() {
        return switch (rat()) {
            case GSM -> 0;
            case UMTS -> 2;
            case LTE -> 7;
            case NR5G -> 11;
            default -> null;
        };
    }

    /**
     * As an EPS registration report (QMI has one registration state; on an LTE modem it is the EPS one). Area is
     * the TAC (or LAC off LTE) and cell the cell id, both upper-case hex as +CEREG writes them.
     */
    public Registration toRegistration() {
        RegStat stat = regStat();
        if (stat == null) return null;
        Integer area = tac != null && rat() != Rat.GSM && rat() != Rat.UMTS ? tac : lac;
        return new Registration(RegDomain.EPS, null, stat,
                area == null ? null : String.format("%04X", area),
                cellId == null ? null : String.format("%07X", cellId), act());
    }

    /**
     * The operator as a +COPS read would give it: automatic mode (QMI's serving system does not say; automatic is
     * the default), the long name when known, else the numeric code; mcc/mnc always filled when known.
     */
    public Operator toOperator() {
        if (mcc == null || mnc == null || mcc == 0) return null;
        String mccText = String.format("%03d", mcc);
        String mncText = mncDigits == 3 ? String.format("%03d", mnc) : String.format("%02d", mnc);
        boolean named = description != null && !description.isBlank();
        return new Operator(0, named ? 0 : 2, named ? description : mccText + mncText, act(), mccText, mncText);
    }
}

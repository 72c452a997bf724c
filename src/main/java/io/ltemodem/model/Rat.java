package io.ltemodem.model;

/** Radio access technology, from a 27.007 {@code <AcT>} number or a vendor string. */
public enum Rat {
    GSM, UMTS, LTE, NR5G, NB_IOT, CAT_M, UNKNOWN;

    /** 27.007 AcT: 0 GSM, 2 UTRAN, 3 EGPRS, 4-6 HSPA, 7 E-UTRAN, 8 EC-GSM-IoT, 9 NB-IoT, 10 E-UTRA-5GCN, 11-13 NR. */
    public static Rat fromAct(Integer act) {
        if (act == null) return UNKNOWN;
        return switch (act) {
            case 0, 1, 3, 8 -> GSM;
            case 2, 4, 5, 6 -> UMTS;
            case 7, 10 -> LTE;
            case 9 -> NB_IOT;
            case 11, 12, 13 -> NR5G;
            default -> UNKNOWN;
        };
    }

    /** The name used in ubus replies: gsm, umts, lte, nr5g, nb-iot, cat-m, unknown. */
    public String wireName() {
        return switch (this) {
            case NB_IOT -> "nb-iot";
            case CAT_M -> "cat-m";
            default -> name().toLowerCase();
        };
    }
}

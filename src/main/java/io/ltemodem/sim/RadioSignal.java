package io.ltemodem.sim;

/**
 * What the simulated radio measures on its serving LTE cell.
 *
 * @param rssiDbm received signal strength, dBm (-113..-51)
 * @param rsrpDbm reference signal received power, dBm (-140..-44)
 * @param rsrqDb  reference signal received quality, dB (-19.5..-3)
 * @param sinrDb  signal to interference and noise, dB
 */
public record RadioSignal(int rssiDbm, int rsrpDbm, double rsrqDb, int sinrDb) {
    public static final RadioSignal GOOD = new RadioSignal(-65, -95, -10, 12);

    /** 27.007 {@code +CSQ <rssi>}: 0 = -113 dBm or less, 31 = -51 dBm or more, 2 dB steps. */
    public int csqIndex() {
        return Math.max(0, Math.min(31, (rssiDbm + 113) / 2));
    }

    /** 27.007 {@code +CESQ <rsrp>} index, lower-bound convention: {@code idx - 140} dBm (0..97). */
    public int cesqRsrpIndex() {
        return Math.max(0, Math.min(97, rsrpDbm + 140));
    }

    /** 27.007 {@code +CESQ <rsrq>} index, lower-bound convention: {@code idx/2 - 19.5} dB (0..34). */
    public int cesqRsrqIndex() {
        return (int) Math.max(0, Math.min(34, Math.round((rsrqDb + 19.5) * 2)));
    }
}

package io.ltemodem.model;

/**
 * Signal figures in physical units; null = unknown. rssi/rsrp in dBm, rsrq/sinr in dB.
 * {@code bars} is 0..5 derived from the best metric known.
 */
public record Signal(Integer rssi, Integer rsrp, Double rsrq, Double sinr, String rat, String band, String cell) {
    public static final Signal UNKNOWN = new Signal(null, null, null, null, null, null, null);

    /** 0..5 bars: from RSRP when known (LTE/NR), else from RSSI; null when neither is known. */
    public Integer bars() {
        if (rsrp != null) {
            if (rsrp >= -85) return 5;
            if (rsrp >= -95) return 4;
            if (rsrp >= -105) return 3;
            if (rsrp >= -115) return 2;
            if (rsrp >= -125) return 1;
            return 0;
        }
        if (rssi != null) {
            if (rssi >= -65) return 5;
            if (rssi >= -75) return 4;
            if (rssi >= -85) return 3;
            if (rssi >= -95) return 2;
            if (rssi >= -105) return 1;
            return 0;
        }
        return null;
    }

    /** Fills the unknown fields of this one from {@code other}. */
    public Signal merge(Signal other) {
        if (other == null) return this;
        return new Signal(
                rssi != null ? rssi : other.rssi,
                rsrp != null ? rsrp : other.rsrp,
                rsrq != null ? rsrq : other.rsrq,
                sinr != null ? sinr : other.sinr,
                rat != null ? rat : other.rat,
                band != null ? band : other.band,
                cell != null ? cell : other.cell);
    }
}

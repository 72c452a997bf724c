package io.ltemodem.model;

/**
 * Quectel {@code +QENG: "servingcell"} for LTE (other RATs fill what they have).
 * state: SEARCH, LIMSRV, NOCONN, CONNECT. Numbers are physical units (dBm, dB); null = not given.
 */
public record ServingCell(String state, String rat, String duplex, String mcc, String mnc, String cellId,
                          Integer pcid, Integer earfcn, Integer band, String tac,
                          Integer rsrp, Integer rsrq, Integer rssi, Integer sinr) {
}

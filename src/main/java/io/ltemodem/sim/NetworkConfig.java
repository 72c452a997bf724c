package io.ltemodem.sim;

import java.util.Objects;

/**
 * The (single) LTE network the simulated modem sees: who runs it, which cell serves, what the modem registers as.
 *
 * @param operatorLong  long alphanumeric name ({@code +COPS} format 0)
 * @param operatorShort short alphanumeric name (format 1)
 * @param operatorNumeric MCC+MNC (format 2), e.g. {@code 26201}
 * @param tac           tracking area code, hex
 * @param cellId        E-UTRAN cell id, hex (28 bits)
 * @param pci           physical cell id
 * @param earfcn        downlink channel
 * @param band          LTE band number
 * @param networkApn    the APN the network assigns when the context asks for none
 */
public record NetworkConfig(String operatorLong, String operatorShort, String operatorNumeric, String tac, String cellId,
                            int pci, int earfcn, int band, String networkApn) {
    public static final NetworkConfig DEFAULT =
            new NetworkConfig("Telekom.de", "Telekom", "26201", "1A2B", "01A2B3C4", 123, 1300, 3, "internet.telekom");

    public NetworkConfig {
        Objects.requireNonNull(operatorLong);
        Objects.requireNonNull(operatorShort);
        if (operatorNumeric == null || !operatorNumeric.matches("[0-9]{5,6}")) {
            throw new IllegalArgumentException("operatorNumeric must be MCC+MNC digits: " + operatorNumeric);
        }
        Objects.requireNonNull(tac);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(networkApn);
    }

    public String mcc() {
        return operatorNumeric.substring(0, 3);
    }

    public String mnc() {
        return operatorNumeric.substring(3);
    }

    public NetworkConfig withOperator(String longName, String shortName, String numeric) {
        return new NetworkConfig(longName, shortName, numeric, tac, cellId, pci, earfcn, band, networkApn);
    }

    public NetworkConfig withCell(String tac, String cellId) {
        return new NetworkConfig(operatorLong, operatorShort, operatorNumeric, tac, cellId, pci, earfcn, band, networkApn);
    }

    public NetworkConfig withNetworkApn(String apn) {
        return new NetworkConfig(operatorLong, operatorShort, operatorNumeric, tac, cellId, pci, earfcn, band, apn);
    }
}

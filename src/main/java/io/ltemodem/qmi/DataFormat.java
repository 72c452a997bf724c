package io.ltemodem.qmi;

/**
 * WDA data format: the link-layer protocol the modem frames packets with on the network interface, which the
 * kernel's qmi_wwan {@code raw_ip} flag must match, and the aggregation protocols (as printed; null if absent).
 */
public record DataFormat(LinkLayer linkLayer, Boolean qosHeader, String uplinkAggregation, String downlinkAggregation) {
    public enum LinkLayer {
        ETHERNET("802-3"), RAW_IP("raw-ip");

        private final String qmicli;

        LinkLayer(String qmicli) {
            this.qmicli = qmicli;
        }

        /** {@code raw-ip} / {@code 802-3}, as qmicli takes it. */
        public String qmicli() {
            return qmicli;
        }

        /** {@code raw-ip} / {@code 802.3}, as uqmi takes it. */
        public String uqmi() {
            return this == RAW_IP ? "raw-ip" : "802.3";
        }

        /** Any of the spellings; null when unknown. */
        public static LinkLayer parse(String s) {
            if (s == null) return null;
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "raw-ip", "raw_ip", "rawip" -> RAW_IP;
                case "802-3", "802.3", "802_3", "ethernet" -> ETHERNET;
                default -> null;
            };
        }
    }

    public boolean rawIp() {
        return linkLayer == LinkLayer.RAW_IP;
    }
}

package io.ltemodem.qmi;

/** WDS packet service (connection) status. */
public enum ConnectionStatus {
    DISCONNECTED, CONNECTED, SUSPENDED, AUTHENTICATING;

    /** qmicli's and uqmi's word ({@code connected}); null when unknown. */
    public static ConnectionStatus parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "disconnected" -> DISCONNECTED;
            case "connected" -> CONNECTED;
            case "suspended" -> SUSPENDED;
            case "authenticating" -> AUTHENTICATING;
            default -> null;
        };
    }
}

package io.ltemodem.at;

final class PtyPeerResponses {
    private PtyPeerResponses() {
    }

    static String okAll(String cmd) {
        return "\r\nOK\r\n";
    }
}

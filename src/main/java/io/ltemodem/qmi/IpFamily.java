package io.ltemodem.qmi;

/** The IP family of one WDS data session; dual stack is two sessions, one per family. */
public enum IpFamily {
    V4(4), V6(6);

    private final int qmi;

    IpFamily(int qmi) {
        this.qmi = qmi;
    }

    /** 4 or 6, as qmicli's {@code ip-type=} and QMI's IP family preference take it. */
    public int qmi() {
        return qmi;
    }

    /** {@code ipv4}/{@code ipv6}: uqmi's {@code --ip-family} words. */
    public String uqmi() {
        return this == V4 ? "ipv4" : "ipv6";
    }
}

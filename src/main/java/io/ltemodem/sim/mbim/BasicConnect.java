package io.ltemodem.sim.mbim;

/** The BASIC_CONNECT service: its UUID and the CIDs the simulator serves (libmbim {@code mbim-cid.h}). */
public final class BasicConnect {
    /** a289cc33-bcbb-8b4f-b6b0-133ec2aae6df, in the textual byte order MBIM sends it. */
    public static final byte[] UUID = uuid("a289cc33-bcbb-8b4f-b6b0-133ec2aae6df");
    /** The "internet" context type, 7e5e2a7e-4e6f-7272-736b-656e7e5e2a7e. */
    public static final byte[] CONTEXT_INTERNET = uuid("7e5e2a7e-4e6f-7272-736b-656e7e5e2a7e");

    public static final int DEVICE_CAPS = 1;
    public static final int SUBSCRIBER_READY_STATUS = 2;
    public static final int RADIO_STATE = 3;
    public static final int PIN = 4;
    public static final int REGISTER_STATE = 9;
    public static final int PACKET_SERVICE = 10;
    public static final int CONNECT = 12;
    public static final int IP_CONFIGURATION = 15;

    /** MbimDataClass LTE, MbimCellularClass GSM: what an LTE modem reports. */
    public static final int DATA_CLASS_LTE = 1 << 5;
    public static final int CELLULAR_CLASS_GSM = 1;

    private BasicConnect() {
    }

    static byte[] uuid(String text) {
        String hex = text.replace("-", "");
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    /** A CID's name for logs. */
    static String cidName(int cid) {
        return switch (cid) {
            case DEVICE_CAPS -> "DEVICE_CAPS";
            case SUBSCRIBER_READY_STATUS -> "SUBSCRIBER_READY_STATUS";
            case RADIO_STATE -> "RADIO_STATE";
            case PIN -> "PIN";
            case REGISTER_STATE -> "REGISTER_STATE";
            case PACKET_SERVICE -> "PACKET_SERVICE";
            case CONNECT -> "CONNECT";
            case IP_CONFIGURATION -> "IP_CONFIGURATION";
            default -> "CID " + cid;
        };
    }
}

package io.ltemodem.sim.qmi;

/** QMI service numbers (libqmi qmi-enums.h) the simulator speaks. */
public final class QmiServices {
    public static final int CTL = 0x00;
    public static final int WDS = 0x01;
    public static final int DMS = 0x02;
    public static final int NAS = 0x03;
    public static final int UIM = 0x0B;
    public static final int WDA = 0x1A;

    private QmiServices() {
    }

    public static String name(int service) {
        return switch (service) {
            case CTL -> "CTL";
            case WDS -> "WDS";
            case DMS -> "DMS";
            case NAS -> "NAS";
            case UIM -> "UIM";
            case WDA -> "WDA";
            default -> String.format("0x%02x", service);
        };
    }
}

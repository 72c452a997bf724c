package io.ltemodem.api;

/**
 * Reply statuses, numbered as libubus's {@code enum ubus_msg_status} so that the ubus adapter passes them through
 * unchanged and the {@code ubus} CLI prints the usual texts ("Invalid argument", "Not found", ...).
 */
public final class UbusStatus {
    public static final int OK = 0;
    public static final int INVALID_COMMAND = 1;
    public static final int INVALID_ARGUMENT = 2;
    public static final int METHOD_NOT_FOUND = 3;
    public static final int NOT_FOUND = 4;
    public static final int NO_DATA = 5;
    public static final int PERMISSION_DENIED = 6;
    public static final int TIMEOUT = 7;
    public static final int NOT_SUPPORTED = 8;
    public static final int UNKNOWN_ERROR = 9;
    public static final int CONNECTION_FAILED = 10;
    public static final int NO_MEMORY = 11;
    public static final int PARSE_ERROR = 12;
    public static final int SYSTEM_ERROR = 13;

    private static final String[] NAMES = {"OK", "INVALID_COMMAND", "INVALID_ARGUMENT", "METHOD_NOT_FOUND",
            "NOT_FOUND", "NO_DATA", "PERMISSION_DENIED", "TIMEOUT", "NOT_SUPPORTED", "UNKNOWN_ERROR",
            "CONNECTION_FAILED", "NO_MEMORY", "PARSE_ERROR", "SYSTEM_ERROR"};

    private UbusStatus() {
    }

    /** {@code INVALID_ARGUMENT} for 2; the number itself for a status outside the table. */
    public static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : Integer.toString(status);
    }
}

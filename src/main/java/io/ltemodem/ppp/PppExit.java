package io.ltemodem.ppp;

import io.ltemodem.model.ErrorCode;

/**
 * pppd's exit codes (pppd(8) "EXIT STATUS") with what they mean for the modem: which error code the engine sees
 * and the message a user reads.
 */
public enum PppExit {
    OK(0, ErrorCode.CONNECT_FAILED, "pppd ended"),
    FATAL_ERROR(1, ErrorCode.CONNECT_FAILED, "pppd hit a fatal error"),
    OPTION_ERROR(2, ErrorCode.CONFIG_INVALID, "pppd refused its options"),
    NOT_ROOT(3, ErrorCode.CONNECT_FAILED, "pppd is not setuid-root and the daemon is not root"),
    NO_KERNEL_SUPPORT(4, ErrorCode.CONNECT_FAILED, "the kernel has no PPP support (load ppp_generic; /dev/ppp)"),
    USER_REQUEST(5, ErrorCode.CONNECT_FAILED, "pppd was stopped"),
    LOCK_FAILED(6, ErrorCode.CONNECT_FAILED, "the tty is locked by another program"),
    OPEN_FAILED(7, ErrorCode.NO_DEVICE, "the tty could not be opened"),
    CONNECT_FAILED(8, ErrorCode.CONNECT_FAILED, "the modem did not connect (the chat script failed: no CONNECT)"),
    PTYCMD_FAILED(9, ErrorCode.CONNECT_FAILED, "the pty command failed"),
    NEGOTIATION_FAILED(10, ErrorCode.CONNECT_FAILED, "PPP negotiation failed"),
    PEER_AUTH_FAILED(11, ErrorCode.CONNECT_FAILED, "the peer failed to authenticate itself"),
    IDLE_TIMEOUT(12, ErrorCode.CONNECT_FAILED, "the link was idle too long"),
    CONNECT_TIME(13, ErrorCode.CONNECT_FAILED, "the connect time limit was reached"),
    CALLBACK(14, ErrorCode.CONNECT_FAILED, "callback was negotiated"),
    PEER_DEAD(15, ErrorCode.DATA_PATH_DEAD, "the modem stopped answering LCP echo requests"),
    HANGUP(16, ErrorCode.CONNECT_FAILED, "the modem hung up"),
    LOOPBACK(17, ErrorCode.CONNECT_FAILED, "the link is looped back"),
    INIT_FAILED(18, ErrorCode.CONNECT_FAILED, "the init script failed"),
    AUTH_TOPEER_FAILED(19, ErrorCode.CONNECT_FAILED, "the network refused our authentication (check username, password, auth)"),
    TRAFFIC_LIMIT(20, ErrorCode.CONNECT_FAILED, "the traffic limit was reached"),
    CNID_AUTH_FAILED(21, ErrorCode.CONNECT_FAILED, "the caller number was refused");

    private final int code;
    private final ErrorCode error;
    private final String message;

    PppExit(int code, ErrorCode error, String message) {
        this.code = code;
        this.error = error;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public ErrorCode error() {
        return error;
    }

    public String message() {
        return message;
    }

    /** Null for a code pppd does not document (a signal, a stand-in's own code). */
    public static PppExit of(int code) {
        for (PppExit e : values()) if (e.code == code) return e;
        return null;
    }

    /** A message for any exit code. */
    public static String describe(int code) {
        PppExit e = of(code);
        return e == null ? "pppd exited with " + code : e.message() + " (pppd exit " + code + ")";
    }
}

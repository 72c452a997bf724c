package io.ltemodem.qmi;

/**
 * The answer to WDS Start Network: the packet data handle (needed to stop the session) and the client id the
 * tool reported keeping; on CallFailed only {@code callEnd} is set.
 */
public record NetworkStart(Long handle, Integer cid, CallEndReason callEnd) {
    /** The "global" handle: stops whatever session the client has (ModemManager, OpenWrt qmi.sh use it). */
    public static final long GLOBAL_HANDLE = 0xFFFFFFFFL;
}

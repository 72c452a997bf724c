package io.ltemodem.qmi;

import io.ltemodem.model.Signal;

/**
 * QMI requests as the standard tools make them ({@link QmicliTool}, {@link UqmiTool}): one subprocess per
 * request, each with a deadline past which it is killed. Nothing here remembers state; which WDS client id is
 * ours and which session it holds is the data plane's business ({@code WdsClients}).
 *
 * <p>Client-id rules every implementation keeps: requests given a {@code cid} use it and keep it (the tool does
 * not release it) unless the method says otherwise; requests without one use a temporary client that the
 * tool allocates and releases itself.
 */
public interface QmiTool {
    /** {@code qmicli} or {@code uqmi}. */
    String name();

    /** The control device, e.g. {@code /dev/cdc-wdm0}. */
    String device();

    QmiResult<DeviceIds> deviceIds();

    QmiResult<OperatingMode> operatingMode();

    QmiResult<Void> setOperatingMode(OperatingMode mode);

    /** Card and PIN1 state of the provisioning application. */
    QmiResult<CardStatus> cardStatus();

    /**
     * Sends PIN1. On IncorrectPin the result carries the tries left when the tool reports them (qmicli does;
     * uqmi does not: then the value is null and the caller reads the card status). The PIN never appears in a
     * log line, a result or an exception.
     */
    QmiResult<PinRetries> verifyPin(String pin);

    QmiResult<ServingSystem> servingSystem();

    QmiResult<Signal> signalInfo();

    QmiResult<DataFormat> dataFormat();

    /** Asks for a link-layer protocol; the value is the format now in effect. */
    QmiResult<DataFormat> setDataFormat(DataFormat.LinkLayer linkLayer);

    /** Allocates a WDS client id and keeps it: the caller owns it until {@link #releaseWdsClient}. */
    QmiResult<Integer> allocateWdsClient();

    /** Releases a WDS client id (a session it started ends with it). An id the modem no longer knows counts as released. */
    QmiResult<Void> releaseWdsClient(int cid);

    /** WDS Set IP Family on the client (before an IPv6 start and IPv6 settings queries). */
    QmiResult<Void> setIpFamily(int cid, IpFamily family);

    /** Starts a session on the client (kept). On CallFailed the value carries the call end reason when known. */
    QmiResult<NetworkStart> startNetwork(int cid, StartNetworkRequest request);

    /**
     * Stops the session {@code handle} ({@link NetworkStart#GLOBAL_HANDLE} for "whatever this client has").
     * {@code releaseCid}: also release the client id (whatever the answer). NoEffect means it was not up.
     */
    QmiResult<Void> stopNetwork(int cid, long handle, boolean releaseCid);

    /** Packet service status on our client, or on a temporary one when {@code cid} is null. */
    QmiResult<ConnectionStatus> packetServiceStatus(Integer cid);

    /** Current settings on our client, or on a temporary one when {@code cid} is null. OutOfCall: no session. */
    QmiResult<CurrentSettings> currentSettings(Integer cid);

    /** CTL Sync: the modem drops every client id (ours too), curing ClientIdsExhausted after leaks. */
    QmiResult<Void> sync();
}

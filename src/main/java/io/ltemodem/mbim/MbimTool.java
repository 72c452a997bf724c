package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;

/**
 * BASIC_CONNECT requests as the standard tools make them ({@link MbimcliTool}, {@link UmbimTool}): one subprocess
 * per request, each with a deadline past which it is killed. The MBIM session is kept open across calls (see
 * {@code TransactionIds}); {@link #endSession()} closes it.
 *
 * <p>Secrets (PIN, username, password) are passed as the tools require (on their command line: neither tool reads
 * them from elsewhere) but never appear in a log line, a result message or an exception.
 */
public interface MbimTool extends AutoCloseable {
    /** {@code mbimcli} or {@code umbim}. */
    String name();

    /** The control device, e.g. {@code /dev/cdc-wdm0}. */
    String device();

    MbimResult<SubscriberStatus> subscriberReadyStatus();

    MbimResult<PinInfo> pinState();

    /**
     * Enters PIN1. A wrong PIN is a status error (Failure) without the tries left (mbimcli does not print them):
     * the caller asks {@link #pinState()} afterwards.
     */
    MbimResult<PinInfo> enterPin(String pin);

    MbimResult<RadioState> radioState();

    MbimResult<RadioState> setRadio(boolean on);

    MbimResult<RegistrationStatus> registrationState();

    /** Asks for automatic registration; the value is the registration state after the request. */
    MbimResult<RegistrationStatus> registerAutomatic();

    MbimResult<PacketServiceStatus> packetServiceState();

    MbimResult<PacketServiceStatus> attachPacketService();

    /** CONNECT activate; the IP configuration comes with it when the tool reads it right away (mbimcli does). */
    MbimResult<ConnectResult> connect(ConnectRequest request);

    MbimResult<ConnectionStatus> connectionState(int sessionId);

    MbimResult<IpConfig> ipConfiguration(int sessionId);

    MbimResult<ConnectionStatus> disconnect(int sessionId);

    /** Closes the session left open, if any (a CLOSE to the device); nothing when none is open. */
    void endSession();

    @Override
    default void close() {
        endSession();
    }
}

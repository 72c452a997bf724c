package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimIpType;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.PacketServiceState;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.ReadyState;
import io.ltemodem.mbim.RegisterState;

import java.util.List;

/**
 * The modem behind the MBIM simulator, in BASIC_CONNECT's own terms but free of wire details: the simulator turns
 * commands into calls here and answers into information buffers. {@link SimpleMbimModel} keeps the state in memory;
 * {@link AtModemMbimModel} shows the AT simulator's modem, so that the AT and MBIM ports see one modem.
 *
 * <p>Implementations are thread-safe (the simulator thread calls in while a test changes the state) and never block:
 * delays belong to the simulator's faults. Semantics every implementation keeps:
 * <ul>
 *   <li>a session connects only with the SIM initialized, the radio on, registered and attached; otherwise
 *       {@link #connect} returns {@link Refused} with the status a modem gives;</li>
 *   <li>connecting a session that is up succeeds and keeps it; disconnecting one that is down succeeds;</li>
 *   <li>{@link #reset()} is a reboot: sessions end, a PIN-protected SIM locks again, registration starts over.</li>
 * </ul>
 */
public interface MbimModemModel {

    // ---- SIM ----

    /** SUBSCRIBER_READY_STATUS: the SIM's state, IMSI (only when initialized) and ICCID (null when unreadable). */
    record Subscriber(ReadyState readyState, String subscriberId, String iccid) {
    }

    Subscriber subscriber();

    /**
     * PIN query: the code the SIM waits for ({@link PinType#UNKNOWN} when none), locked or not, and that code's tries
     * left. {@code status} is not NONE when the SIM cannot be asked at all (absent, still initialising).
     */
    record PinStatus(MbimStatus status, PinType type, boolean locked, int remainingAttempts) {
    }

    PinStatus pin();

    /** What a PIN1 entry did; the status is NONE on success, FAILURE for a wrong PIN (with the tries now left). */
    record PinEntry(MbimStatus status, PinStatus after) {
    }

    /** Enters PIN1; a wrong PIN costs a try, as on a real card. Never logs the PIN. */
    PinEntry enterPin(String pin);

    // ---- radio ----

    record Radio(boolean hardwareOn, boolean softwareOn) {
    }

    Radio radio();

    /** Software radio on or off; returns the state afterwards. */
    Radio setRadio(boolean on);

    // ---- network ----

    /** REGISTER_STATE: provider id (MCC+MNC) and name are empty unless registered (or denied: the refusing PLMN). */
    record Registration(RegisterState state, int nwError, String providerId, String providerName) {
    }

    Registration registration();

    /** REGISTER_STATE set "automatic": register if the SIM and radio allow; returns the state afterwards. */
    Registration registerAutomatic();

    PacketServiceState packetService();

    /** Attach (true) or detach; the status says why it could not (NOT_REGISTERED, RADIO_POWER_OFF, ...). */
    record PacketServiceResult(MbimStatus status, PacketServiceState state) {
    }

    PacketServiceResult setPacketService(boolean attach);

    // ---- data sessions ----

    /**
     * A CONNECT activation. {@code auth}: MBIM's numbering (0 none, 1 PAP, 2 CHAP, 3 MS-CHAPv2). Secrets stay out of
     * {@link #toString()}.
     */
    record ConnectRequest(int sessionId, String accessString, int auth, String username, String password, MbimIpType ipType) {
        @Override
        public String toString() {
            return "ConnectRequest{session=" + sessionId + ", access=" + accessString + ", auth=" + auth
                    + ", username=" + (username == null || username.isEmpty() ? "" : "***")
                    + ", password=" + (password == null || password.isEmpty() ? "" : "***") + ", ipType=" + ipType + "}";
        }
    }

    sealed interface ConnectOutcome permits Connected, Refused {
    }

    /** The session is up with this IP type. */
    record Connected(MbimIpType ipType) implements ConnectOutcome {
    }

    /** Refused with an MBIM status and, when the network said why, a 24.008 cause (NwError). */
    record Refused(MbimStatus status, int nwError) implements ConnectOutcome {
    }

    ConnectOutcome connect(ConnectRequest request);

    /** Ends the session; false when it was not up. */
    boolean disconnect(int sessionId);

    /** A session's state; {@code ipType} is DEFAULT when it is down. */
    record Connection(int sessionId, boolean active, MbimIpType ipType) {
    }

    Connection connection(int sessionId);

    /** IP settings of an up session; addresses as text, null when that family has none. */
    record IpSettings(String ipv4, int ipv4Prefix, String ipv4Gateway, List<String> ipv4Dns,
                      String ipv6, int ipv6Prefix, String ipv6Gateway, List<String> ipv6Dns, int mtu) {
        public IpSettings {
            ipv4Dns = ipv4Dns == null ? List.of() : List.copyOf(ipv4Dns);
            ipv6Dns = ipv6Dns == null ? List.of() : List.copyOf(ipv6Dns);
        }
    }

    /** Null when the session is down. */
    IpSettings ipSettings(int sessionId);

    // ---- life ----

    /** Reboots the modem. */
    void reset();

    /** What changed, for indications. */
    enum Change { SUBSCRIBER, RADIO, REGISTRATION, PACKET_SERVICE, CONNECTION }

    /**
     * Told when a fact changes; called on any thread, possibly under the model's lock, so a listener only records
     * the change and acts on its own thread.
     */
    interface Listener {
        void changed(Change what);
    }

    void addListener(Listener l);

    void removeListener(Listener l);
}

package io.ltemodem.sim.qmi;

import io.ltemodem.model.Rat;

import java.util.List;

/**
 * The modem behind the QMI simulator: the few facts and actions QMI exposes, in QMI's own terms but free of
 * wire details. The simulator turns requests into calls here and answers into TLVs; {@link SimModemQmiModel}
 * implements it over the AT simulator's modem to show one modem on both ports.
 *
 * <p>Implementations must be thread-safe (the simulator thread calls in while a test changes the state) and
 * must never block: delays belong to the simulator's fault injection, not to the model.
 *
 * <p>Semantics every implementation keeps:
 * <ul>
 *   <li>a data session starts only when the SIM is {@link AppState#READY}, power is {@link Power#ONLINE} and
 *       the modem is registered with PS attached; otherwise {@link #startSession} returns {@link Failed};</li>
 *   <li>session handles are unique, non-zero and never {@code 0xFFFFFFFF} (the "global" handle);</li>
 *   <li>{@link #reset()} is a reboot: sessions end, a PIN-protected SIM locks again, registration starts over;</li>
 *   <li>nothing here knows about QMI client ids: which client owns which session is the simulator's business.</li>
 * </ul>
 */
public interface QmiModemModel {

    /**
     * Whether the firmware answers QMI now. A modem that is booting, powering down or hung has its control node
     * but answers nothing; the simulator then swallows requests (the client times out, as with hardware).
     */
    default boolean answering() {
        return true;
    }

    // ---- identity ----

    /** The IMEI DMS Get IDs reports. */
    String imei();

    // ---- SIM (UIM) ----

    enum CardState { ABSENT, PRESENT, ERROR }

    /** UIM application state, in QMI's numbering (ordinal = wire value). */
    enum AppState { UNKNOWN, DETECTED, PIN_REQUIRED, PUK_REQUIRED, CHECK_PERSONALIZATION, PIN_BLOCKED, ILLEGAL, READY }

    /** PIN state, in QMI's numbering (ordinal = wire value). */
    enum PinState { NOT_INITIALIZED, ENABLED_NOT_VERIFIED, ENABLED_VERIFIED, DISABLED, BLOCKED, PERMANENTLY_BLOCKED }

    /**
     * The SIM as UIM Get Card Status shows it. {@code initializing}: the UIM is still booting; requests about the
     * card are answered with UimUninitialized (error 37).
     */
    record Sim(CardState card, boolean initializing, AppState app, PinState pin1, int pin1Retries, int puk1Retries) {
    }

    Sim sim();

    /** The outcome of a PIN1 verification; retry counters are what is left afterwards. */
    sealed interface PinOutcome permits Verified, IncorrectPin, PinBlocked, UimNotReady {
    }

    record Verified(int pinRetries, int pukRetries) implements PinOutcome {
    }

    /** Wrong PIN; the card now has {@code pinRetries} tries left (0 means it is now blocked, PUK needed). */
    record IncorrectPin(int pinRetries, int pukRetries) implements PinOutcome {
    }

    /** PIN1 was already blocked: nothing was tried. */
    record PinBlocked(int pukRetries) implements PinOutcome {
    }

    /** No card, or the UIM is still initialising. */
    record UimNotReady() implements PinOutcome {
    }

    /** Verifies PIN1; a wrong PIN costs one try, as on a real card. Never logs the PIN. */
    PinOutcome verifyPin(String pin);

    // ---- power (DMS operating mode) ----

    enum Power { ONLINE, LOW_POWER, OFFLINE }

    Power power();

    /** Changes the operating mode; returns false when the modem refuses the transition. */
    boolean setPower(Power p);

    /** Reboots the modem (DMS Set Operating Mode "reset", which QMI allows only from offline). */
    void reset();

    // ---- network (NAS) ----

    /** NAS registration state, in QMI's numbering (ordinal = wire value). */
    enum RegState { NOT_REGISTERED, REGISTERED, SEARCHING, DENIED, UNKNOWN }

    /**
     * NAS Get Serving System. PLMN and cell fields are meaningful only when registered (or denied: the PLMN
     * that refused). {@code threeDigitMnc} tells 310-260 from 310-26.
     */
    record Serving(RegState registration, boolean csAttached, boolean psAttached, Rat rat, boolean roaming,
                   int mcc, int mnc, boolean threeDigitMnc, String operatorName, int lac, long cellId, int tac) {
    }

    Serving serving();

    /** Signal in physical units; SNR in tenths of a dB as QMI carries it. */
    record SignalLevels(Rat rat, int rssi, int rsrq, int rsrp, int snrTenths) {
    }

    /** The serving cell's signal, or null when there is no cell (no service, radio off). */
    SignalLevels signal();

    // ---- data sessions (WDS) ----

    enum IpFamily { V4, V6 }

    /**
     * What a WDS Start Network asked for. {@code authMask}: bit 0 PAP, bit 1 CHAP (QMI's encoding), 0 = none.
     * {@code profile} is the 3GPP profile index, null when not given.
     */
    record SessionRequest(String apn, IpFamily family, int authMask, String username, String password, Integer profile) {
        @Override
        public String toString() {
            return "SessionRequest{apn=" + apn + ", family=" + family + ", auth=" + authMask
                    + ", username=" + (username == null || username.isEmpty() ? "" : "***")
                    + ", password=" + (password == null || password.isEmpty() ? "" : "***") + ", profile=" + profile + "}";
        }
    }

    sealed interface SessionStart permits Started, Failed {
    }

    record Started(long handle) implements SessionStart {
    }

    /**
     * The call failed: QMI call end reason (e.g. 3 generic no-service) and, when known, the verbose reason
     * (type 6 = 3GPP with a 24.008 cause: 27 unknown APN, 29 authentication failed, 33 option unsubscribed).
     */
    record Failed(int callEndReason, Integer verboseType, Integer verboseReason) implements SessionStart {
    }

    SessionStart startSession(SessionRequest request);

    /** Ends the session; false when it was not active (the caller answers NoEffect). */
    boolean stopSession(long handle);

    boolean sessionActive(long handle);

    /**
     * The IP settings of an active session, or null (the caller answers OutOfCall). For IPv4 {@code prefix} is
     * the subnet's prefix length; DNS servers in order of preference.
     */
    record IpSettings(IpFamily family, String address, int prefix, String gateway, List<String> dns, int mtu) {
        public IpSettings {
            dns = dns == null ? List.of() : List.copyOf(dns);
        }
    }

    IpSettings ipSettings(long handle);

    // ---- host data format (WDA) ----

    enum LinkLayer { IEEE_802_3, RAW_IP }

    LinkLayer linkLayer();

    /** Asks for a link-layer protocol; returns the one now in effect (a raw-ip-only modem stays raw-ip). */
    LinkLayer setLinkLayer(LinkLayer wanted);
}

package io.ltemodem.qmi;

import java.util.Locale;

/**
 * QMI protocol errors (libqmi qmi-errors.h) that matter to a data plane, with the spelling of both tools:
 * qmicli prints {@code QMI protocol error (14): 'CallFailed'}, uqmi prints {@code "Call failed"}.
 * Codes not listed here are kept as a number by {@link QmiResult}; unknown stays unknown.
 */
public enum QmiProtocolError {
    MALFORMED_MESSAGE(1, "MalformedMessage", "Malformed message"),
    INTERNAL(3, "Internal", "Internal"),
    CLIENT_IDS_EXHAUSTED(5, "ClientIdsExhausted", "Client IDs exhausted"),
    INVALID_CLIENT_ID(7, "InvalidClientId", "Invalid client ID"),
    INVALID_HANDLE(9, "InvalidHandle", "Invalid handle"),
    INVALID_PROFILE(10, "InvalidProfile", "Invalid profile"),
    INCORRECT_PIN(12, "IncorrectPin", "Incorrect PIN"),
    NO_NETWORK_FOUND(13, "NoNetworkFound", "No network found"),
    CALL_FAILED(14, "CallFailed", "Call failed"),
    OUT_OF_CALL(15, "OutOfCall", "Out of call"),
    NOT_PROVISIONED(16, "NotProvisioned", "Not provisioned"),
    MISSING_ARGUMENT(17, "MissingArgument", "Missing argument"),
    DEVICE_IN_USE(23, "DeviceInUse", "Device in use"),
    NO_EFFECT(26, "NoEffect", "No effect"),
    INVALID_SERVICE_TYPE(31, "InvalidServiceType", "Invalid service type"),
    AUTHENTICATION_FAILED(34, "AuthenticationFailed", "Authentication failed"),
    PIN_BLOCKED(35, "PinBlocked", "PIN blocked"),
    PIN_ALWAYS_BLOCKED(36, "PinAlwaysBlocked", "PIN always blocked"),
    UIM_UNINITIALIZED(37, "UimUninitialized", "UIM uninitialized"),
    GENERAL_ERROR(46, "GeneralError", "General error"),
    UNKNOWN_ERROR(47, "UnknownError", "Unknown error"),
    INVALID_ARGUMENT(48, "InvalidArgument", "Invalid argument"),
    DEVICE_NOT_READY(52, "DeviceNotReady", "Device not ready"),
    NETWORK_NOT_READY(53, "NetworkNotReady", "Network not ready"),
    INVALID_TRANSITION(60, "InvalidTransition", "Invalid transition"),
    INVALID_IP_FAMILY_PREFERENCE(64, "InvalidIpFamilyPreference", "Invalid IP family preference"),
    INVALID_QMI_COMMAND(71, "InvalidQmiCommand", "Invalid QMI command"),
    INFORMATION_UNAVAILABLE(74, "InformationUnavailable", "Information unavailable"),
    NO_RADIO(93, "NoRadio", "No radio"),
    NOT_SUPPORTED(94, "NotSupported", "Not supported"),
    NO_SIM(102, "NoSim", "No SIM");

    private final int code;
    private final String nick;
    private final String text;

    QmiProtocolError(int code, String nick, String text) {
        this.code = code;
        this.nick = nick;
        this.text = text;
    }

    /** The number on the wire (result TLV error field). */
    public int code() {
        return code;
    }

    /** libqmi's nick, as qmicli prints it. */
    public String nick() {
        return nick;
    }

    /** The sentence uqmi prints. */
    public String text() {
        return text;
    }

    /** Null for a code not in this list. */
    public static QmiProtocolError fromCode(int code) {
        for (QmiProtocolError e : values()) if (e.code == code) return e;
        return null;
    }

    /** Null when no error has this nick. */
    public static QmiProtocolError fromNick(String nick) {
        for (QmiProtocolError e : values()) if (e.nick.equals(nick)) return e;
        return null;
    }

    /** Matches uqmi's text without regard to case; null when unknown. */
    public static QmiProtocolError fromText(String text) {
        if (text == null) return null;
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (QmiProtocolError e : values()) if (e.text.toLowerCase(Locale.ROOT).equals(t)) return e;
        return null;
    }
}

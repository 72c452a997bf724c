package io.ltemodem.mbim;

/**
 * MBIM status codes of COMMAND_DONE (MBIM 1.0 §9.4.5; libmbim {@code MbimStatusError}), with the names libmbim prints
 * ({@code error: operation failed: NoDeviceSupport}). Only the codes a modem answers to BASIC_CONNECT requests.
 */
public enum MbimStatus {
    NONE(0, "None"),
    BUSY(1, "Busy"),
    FAILURE(2, "Failure"),
    SIM_NOT_INSERTED(3, "SimNotInserted"),
    BAD_SIM(4, "BadSim"),
    PIN_REQUIRED(5, "PinRequired"),
    PIN_DISABLED(6, "PinDisabled"),
    NOT_REGISTERED(7, "NotRegistered"),
    PROVIDERS_NOT_FOUND(8, "ProvidersNotFound"),
    NO_DEVICE_SUPPORT(9, "NoDeviceSupport"),
    PROVIDER_NOT_VISIBLE(10, "ProviderNotVisible"),
    DATA_CLASS_NOT_AVAILABLE(11, "DataClassNotAvailable"),
    PACKET_SERVICE_DETACHED(12, "PacketServiceDetached"),
    MAX_ACTIVATED_CONTEXTS(13, "MaxActivatedContexts"),
    NOT_INITIALIZED(14, "NotInitialized"),
    VOICE_CALL_IN_PROGRESS(15, "VoiceCallInProgress"),
    CONTEXT_NOT_ACTIVATED(16, "ContextNotActivated"),
    SERVICE_NOT_ACTIVATED(17, "ServiceNotActivated"),
    INVALID_ACCESS_STRING(18, "InvalidAccessString"),
    INVALID_USER_NAME_PWD(19, "InvalidUserNamePwd"),
    RADIO_POWER_OFF(20, "RadioPowerOff"),
    INVALID_PARAMETERS(21, "InvalidParameters"),
    OPERATION_NOT_ALLOWED(28, "OperationNotAllowed");

    private final int code;
    private final String nick;

    MbimStatus(int code, String nick) {
        this.code = code;
        this.nick = nick;
    }

    public int code() {
        return code;
    }

    /** The name libmbim prints. */
    public String nick() {
        return nick;
    }

    /** Null for a code not listed here. */
    public static MbimStatus fromCode(int code) {
        for (MbimStatus s : values()) if (s.code == code) return s;
        return null;
    }

    /** Null for a name not listed here. */
    public static MbimStatus fromNick(String nick) {
        for (MbimStatus s : values()) if (s.nick.equals(nick)) return s;
        return null;
    }
}

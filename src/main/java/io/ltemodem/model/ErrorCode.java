package io.ltemodem.model;

/**
 * Why a modem is not online, as reported in ubus {@code status.error.code} and the {@code connect} reply.
 * The netifd proto script maps these to its own error codes; those that need a person
 * ({@link #needsUser()}) make it call {@code proto_block_restart}, so netifd does not retry in a loop.
 */
public enum ErrorCode {
    NO_DEVICE(false, "no modem found for this interface"),
    NOT_RESPONDING(false, "the modem does not answer"),
    SIM_ABSENT(true, "no SIM card"),
    SIM_FAILURE(true, "the SIM card failed"),
    PIN_REQUIRED(true, "the SIM needs a PIN and none is configured"),
    PIN_FAILED(true, "the configured PIN was rejected"),
    PIN_TRIES_BELOW_LIMIT(true, "fewer than 2 PIN tries left: not trying the PIN"),
    PUK_REQUIRED(true, "the SIM needs a PUK"),
    SIM_LOCKED_OTHER(true, "the SIM is locked to another network or needs another code"),
    REGISTRATION_DENIED(true, "the network denied registration"),
    ROAMING_NOT_ALLOWED(false, "roaming, and allow_roaming is off"),
    REGISTRATION_TIMEOUT(false, "no network found in time"),
    CONNECT_FAILED(false, "the data session did not start"),
    NO_IP(false, "the data session has no IP address"),
    DATA_PATH_DEAD(false, "no traffic passes through the data session"),
    QUARANTINE(false, "too many resets in the last hour; retrying slowly"),
    CONFIG_INVALID(true, "the configuration is invalid"),
    DISABLED(false, "disabled by configuration"),
    TIMEOUT(false, "no result within the deadline");

    private final boolean needsUser;
    private final String message;

    ErrorCode(boolean needsUser, String message) {
        this.needsUser = needsUser;
        this.message = message;
    }

    /** True when no amount of retrying helps: a person must change the SIM, PIN or configuration. */
    public boolean needsUser() {
        return needsUser;
    }

    public String message() {
        return message;
    }
}

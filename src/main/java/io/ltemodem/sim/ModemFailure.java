package io.ltemodem.sim;

/**
 * Why the model refused a request. Protocol-neutral: the AT port turns it into a {@code +CME ERROR}, a QMI port
 * would turn it into a QMI error.
 */
public enum ModemFailure {
    NOT_ALLOWED,
    NOT_SUPPORTED,
    SIM_NOT_INSERTED,
    SIM_PIN_REQUIRED,
    SIM_PUK_REQUIRED,
    SIM_FAILURE,
    SIM_BUSY,
    INCORRECT_PASSWORD,
    NO_NETWORK_SERVICE,
    INVALID_PARAMETERS,
    UNKNOWN_APN,
    UNKNOWN
}

package io.ltemodem.qmi;

/** Tries left after a PIN verification, as the modem reported them (null = not reported). */
public record PinRetries(Integer verifyLeft, Integer unblockLeft) {
}

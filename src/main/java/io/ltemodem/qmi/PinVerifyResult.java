package io.ltemodem.qmi;

/**
 * The outcome of sending PIN1, for the engine's PIN policy: verified; incorrect (with the tries left, so a
 * rejection can be remembered and a blocked SIM recognised); blocked (PUK needed: nothing was tried); the UIM
 * was not ready; no answer in time; or another failure. Never contains the PIN.
 */
public record PinVerifyResult(Outcome outcome, Integer pinRetries, Integer pukRetries, String message) {
    public enum Outcome { VERIFIED, INCORRECT_PIN, BLOCKED, NOT_READY, TIMEOUT, FAILED }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    /** Classifies a verification answer. */
    public static PinVerifyResult of(QmiResult<PinRetries> r) {
        PinRetries p = r.value();
        Integer pin = p == null ? null : p.verifyLeft();
        Integer puk = p == null ? null : p.unblockLeft();
        if (r.ok()) return new PinVerifyResult(Outcome.VERIFIED, pin, puk, null);
        if (r.timedOut()) return new PinVerifyResult(Outcome.TIMEOUT, null, null, r.message());
        if (r.is(QmiProtocolError.INCORRECT_PIN)) {
            return new PinVerifyResult(pin != null && pin == 0 ? Outcome.BLOCKED : Outcome.INCORRECT_PIN, pin, puk, r.describe());
        }
        if (r.is(QmiProtocolError.PIN_BLOCKED) || r.is(QmiProtocolError.PIN_ALWAYS_BLOCKED)) {
            return new PinVerifyResult(Outcome.BLOCKED, pin == null ? 0 : pin, puk, r.describe());
        }
        if (r.is(QmiProtocolError.UIM_UNINITIALIZED) || r.is(QmiProtocolError.NO_SIM) || r.is(QmiProtocolError.DEVICE_NOT_READY)) {
            return new PinVerifyResult(Outcome.NOT_READY, pin, puk, r.describe());
        }
        return new PinVerifyResult(Outcome.FAILED, pin, puk, r.describe());
    }
}

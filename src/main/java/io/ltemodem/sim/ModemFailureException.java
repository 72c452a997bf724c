package io.ltemodem.sim;

/** A request the simulated modem refuses, with the reason a real modem would give. */
public final class ModemFailureException extends Exception {
    private final ModemFailure failure;

    public ModemFailureException(ModemFailure failure) {
        super(failure.name(), null, false, false);
        this.failure = failure;
    }

    public ModemFailure failure() {
        return failure;
    }
}

package io.ltemodem.dataplane.mbim;

import io.ltemodem.mbim.PinInfo;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.ReadyState;
import io.ltemodem.mbim.SubscriberStatus;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;

/**
 * The snapshot's SIM fact from MBIM's subscriber ready state and, for a locked device, the PIN state: which code it
 * waits for and how many tries that code has left.
 */
final class MbimSimStatus {
    private MbimSimStatus() {
    }

    /** Null when the ready state says nothing usable. {@code pin} may be null (not asked, or no answer). */
    static SimStatus of(SubscriberStatus s, PinInfo pin) {
        if (s == null || s.readyState() == null) return null;
        return switch (s.readyState()) {
            case INITIALIZED -> new SimStatus(SimState.READY, null, null);
            case SIM_NOT_INSERTED -> new SimStatus(SimState.ABSENT, null, null);
            case NOT_INITIALIZED -> new SimStatus(SimState.BUSY, null, null);
            case BAD_SIM, FAILURE, NOT_ACTIVATED, NO_ESIM_PROFILE -> new SimStatus(SimState.FAILURE, null, null);
            case DEVICE_LOCKED -> locked(pin);
        };
    }

    /**
     * A locked device: the code comes from the PIN state. Without one it counts as waiting for PIN1 with unknown
     * tries — the engine's PIN policy never sends a PIN on unknown tries, so this guess cannot burn a try.
     */
    private static SimStatus locked(PinInfo pin) {
        if (pin == null || !pin.locked()) return new SimStatus(SimState.PIN, null, null);
        PinType t = pin.type();
        Integer left = pin.remainingAttempts();
        return switch (t) {
            case PIN1 -> new SimStatus(SimState.PIN, left, null);
            case PUK1 -> new SimStatus(SimState.PUK, 0, left);
            case PIN2 -> new SimStatus(SimState.PIN2, null, null);
            case PUK2 -> new SimStatus(SimState.PUK2, null, null);
            case UNKNOWN -> new SimStatus(SimState.PIN, null, null);
            default -> new SimStatus(SimState.PH_LOCK, null, null);
        };
    }

    static boolean needsPinState(SubscriberStatus s) {
        return s != null && s.readyState() == ReadyState.DEVICE_LOCKED;
    }
}

package io.ltemodem.engine;

import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;

/**
 * When may the configured PIN be sent (DESIGN §4): only when the SIM asks for it, only with at least two tries
 * left, at most once per PIN value (remembered across restarts), never a PUK on its own. Anything else parks
 * the modem in NEEDS_USER with the reason.
 */
public final class PinPolicy {
    /** The minimum tries left to risk one: with one left, a typo would lock the SIM to its PUK. */
    public static final int MIN_TRIES = 2;

    public sealed interface Verdict permits NotNeeded, SendPin, NeedsUser {
    }

    public record NotNeeded() implements Verdict {
    }

    public record SendPin(String pin) implements Verdict {
        @Override
        public String toString() {
            return "SendPin[***]";
        }
    }

    public record NeedsUser(ErrorCode reason) implements Verdict {
    }

    private final RejectedPins rejected;

    public PinPolicy(RejectedPins rejected) {
        this.rejected = rejected;
    }

    public Verdict decide(SimStatus sim, String configuredPin, String iccid) {
        if (sim == null) return new NotNeeded();
        SimState s = sim.state();
        return switch (s) {
            case PUK -> new NeedsUser(ErrorCode.PUK_REQUIRED);
            case PIN2, PUK2, PH_LOCK -> new NeedsUser(ErrorCode.SIM_LOCKED_OTHER);
            case PIN -> decidePin(sim, configuredPin, iccid);
            default -> new NotNeeded();
        };
    }

    private Verdict decidePin(SimStatus sim, String pin, String iccid) {
        if (pin == null || pin.isEmpty()) return new NeedsUser(ErrorCode.PIN_REQUIRED);
        if (rejected.rejected(iccid, pin)) return new NeedsUser(ErrorCode.PIN_FAILED);
        // Unknown tries count as too few: we do not gamble the SIM on a modem that will not say.
        if (sim.pinRetries() == null || sim.pinRetries() < MIN_TRIES) return new NeedsUser(ErrorCode.PIN_TRIES_BELOW_LIMIT);
        return new SendPin(pin);
    }

    /** The SIM said no to this PIN: never send it again for this SIM. */
    public void rejected(String iccid, String pin) {
        rejected.markRejected(iccid, pin);
    }
}

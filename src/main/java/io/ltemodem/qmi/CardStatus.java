package io.ltemodem.qmi;

import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;

import java.util.Locale;

/**
 * UIM card status of the provisioning (primary GW) application: card presence, application state and PIN1
 * (or UPIN, when the card says UPIN replaces PIN1) with its retry counters. Any field may be null: unknown.
 */
public record CardStatus(Card card, App app, Pin pin1, Integer pin1Retries, Integer puk1Retries,
                         boolean upinReplacesPin1, Pin upin, Integer upinRetries, Integer upukRetries) {

    public enum Card { ABSENT, PRESENT, ERROR }

    public enum App {
        UNKNOWN, DETECTED, PIN_REQUIRED, PUK_REQUIRED, CHECK_PERSONALIZATION, PIN1_BLOCKED, ILLEGAL, READY;

        /** qmicli ({@code pin1-or-upin-pin-required}) and uqmi ({@code pin-required}) spellings; null if unknown. */
        public static App parse(String s) {
            if (s == null) return null;
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "unknown" -> UNKNOWN;
                case "detected" -> DETECTED;
                case "pin1-or-upin-pin-required", "pin-required" -> PIN_REQUIRED;
                case "puk1-or-upin-puk-required", "puk-required" -> PUK_REQUIRED;
                case "check-personalization-state" -> CHECK_PERSONALIZATION;
                case "pin1-blocked" -> PIN1_BLOCKED;
                case "illegal" -> ILLEGAL;
                case "ready" -> READY;
                default -> null;
            };
        }
    }

    public enum Pin {
        NOT_INITIALIZED, ENABLED_NOT_VERIFIED, ENABLED_VERIFIED, DISABLED, BLOCKED, PERMANENTLY_BLOCKED;

        /** qmicli ({@code enabled-not-verified}) and uqmi ({@code not_verified}) spellings; null if unknown. */
        public static Pin parse(String s) {
            if (s == null) return null;
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "not-initialized" -> NOT_INITIALIZED;
                case "enabled-not-verified", "not-verified" -> ENABLED_NOT_VERIFIED;
                case "enabled-verified", "verified", "unblocked", "changed" -> ENABLED_VERIFIED;
                case "disabled" -> DISABLED;
                case "blocked" -> BLOCKED;
                case "permanently-blocked" -> PERMANENTLY_BLOCKED;
                default -> null;
            };
        }
    }

    /** The PIN that guards the application: UPIN when it replaces PIN1. */
    public Pin effectivePin() {
        return upinReplacesPin1 && upin != null ? upin : pin1;
    }

    public Integer effectivePinRetries() {
        return upinReplacesPin1 && upinRetries != null ? upinRetries : pin1Retries;
    }

    public Integer effectivePukRetries() {
        return upinReplacesPin1 && upukRetries != null ? upukRetries : puk1Retries;
    }

    /**
     * The engine's view (+CPIN-like): absent, failure, PIN, PUK, personalisation lock, busy (detected, not yet
     * ready) or ready. Null when the card state itself is unknown.
     */
    public SimStatus toSimStatus() {
        if (card == null) return null;
        Integer pin = effectivePinRetries();
        Integer puk = effectivePukRetries();
        SimState s;
        if (card == Card.ABSENT) {
            s = SimState.ABSENT;
        } else if (card == Card.ERROR) {
            s = SimState.FAILURE;
        } else if (effectivePin() == Pin.PERMANENTLY_BLOCKED) {
            s = SimState.FAILURE;
        } else if (app == null) {
            s = SimState.BUSY; // present, but no application reported yet
        } else {
            s = switch (app) {
                case READY -> SimState.READY;
                case PIN_REQUIRED -> SimState.PIN;
                case PUK_REQUIRED, PIN1_BLOCKED -> SimState.PUK;
                case CHECK_PERSONALIZATION -> SimState.PH_LOCK;
                case ILLEGAL -> SimState.FAILURE;
                case UNKNOWN, DETECTED -> SimState.BUSY;
            };
        }
        return new SimStatus(s, pin, puk);
    }
}

package io.ltemodem.sim;

/** What the simulated SIM answers to {@code AT+CPIN?} (or the error it gives instead). */
public enum SimCardState {
    /** No card: {@code +CME ERROR: 10}. */
    ABSENT,
    /** Waits for the PIN: {@code +CPIN: SIM PIN}. */
    PIN,
    /** PIN tries used up, waits for the PUK: {@code +CPIN: SIM PUK}. */
    PUK,
    /** Unlocked or no PIN set: {@code +CPIN: READY}. */
    READY,
    /** Still initialising: {@code +CME ERROR: 14}, try again later. */
    BUSY,
    /** PUK tries used up: the card is dead ({@code +CME ERROR: 13}). */
    BLOCKED
}

package io.ltemodem.model;

/** What the SIM asks for, as +CPIN reports it, plus the states that come as errors (absent, busy). */
public enum SimState {
    READY("READY"),
    PIN("SIM PIN"),
    PUK("SIM PUK"),
    PIN2("SIM PIN2"),
    PUK2("SIM PUK2"),
    /** A personalisation lock (PH-SIM, PH-NET, PH-SP, ...): the operator's lock, a person has to act. */
    PH_LOCK("PH-"),
    ABSENT("ABSENT"),
    /** Still initialising (+CME ERROR: 14, QMI UimUninitialized): retry later. */
    BUSY("BUSY"),
    /** A SIM failure (+CME ERROR: 13/15) or a permanently blocked card. */
    FAILURE("FAILURE");

    private final String code;

    SimState(String code) {
        this.code = code;
    }

    /** The +CPIN code, for messages. */
    public String code() {
        return code;
    }

    /** True when the SIM waits for a secret (PIN, PUK, personalisation code). */
    public boolean locked() {
        return this == PIN || this == PUK || this == PIN2 || this == PUK2 || this == PH_LOCK;
    }
}

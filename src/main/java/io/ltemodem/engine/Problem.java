package io.ltemodem.engine;

/**
 * Something that keeps a modem from online which the modem will not fix by itself. Each problem says where
 * on the ladder its recovery starts: a lost data session needs only L1, a silent AT port needs at least L3.
 * Problems that need a person (SIM, PIN, PUK, denied) are not here: they never reach the ladder.
 */
public enum Problem {
    SESSION_LOST(RecoveryLevel.L1_SESSION),
    BEARER_FAILED(RecoveryLevel.L1_SESSION),
    NO_IP(RecoveryLevel.L1_SESSION),
    DATA_PATH_DEAD(RecoveryLevel.L1_SESSION),
    REGISTRATION_TIMEOUT(RecoveryLevel.L2_RADIO),
    RADIO_STUCK(RecoveryLevel.L3_MODEM),
    SIM_STUCK(RecoveryLevel.L3_MODEM),
    NOT_RESPONDING(RecoveryLevel.L3_MODEM),
    DEVICE_GONE(RecoveryLevel.L4_USB),
    /** The modem did not come back from a reset we made within that level's deadline. */
    RESET_FAILED(RecoveryLevel.L4_USB);

    private final RecoveryLevel firstLevel;

    Problem(RecoveryLevel firstLevel) {
        this.firstLevel = firstLevel;
    }

    public RecoveryLevel firstLevel() {
        return firstLevel;
    }
}

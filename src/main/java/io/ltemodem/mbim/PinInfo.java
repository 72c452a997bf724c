package io.ltemodem.mbim;

/**
 * PIN state: whether the SIM waits for a code, which one ({@link PinType#UNKNOWN} when none is pending, as mbimcli
 * then prints no type) and that code's tries left (null when not reported).
 */
public record PinInfo(boolean locked, PinType type, Integer remainingAttempts) {
    public boolean pukPending() {
        return locked && (type == PinType.PUK1);
    }
}

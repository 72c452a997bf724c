package io.ltemodem.mbim;

/** RADIO_STATE: the hardware switch (rfkill, W_DISABLE#) and the software radio; null = not reported. */
public record RadioState(Boolean hardwareOn, Boolean softwareOn) {
    /** On when both switches are on. */
    public boolean on() {
        return Boolean.TRUE.equals(hardwareOn) && Boolean.TRUE.equals(softwareOn);
    }

    /** The +CFUN equivalent the snapshot keeps: 1 radio on, 4 radio off (flight mode). */
    public int cfun() {
        return on() ? 1 : 4;
    }
}

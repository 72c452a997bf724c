package io.ltemodem.sim;

/** Whether the simulated module has power and firmware running. */
public enum PowerState {
    /** No power: no USB device, no ports. */
    OFF,
    /** Power applied (or reset): USB enumerates part way through, the firmware answers only when {@link #ON}. */
    BOOTING,
    /** Firmware up: the AT port answers. */
    ON,
    /** {@code AT+QPOWD} accepted: the module logs off the network, then says {@code POWERED DOWN} and goes {@link #OFF}. */
    POWERING_DOWN
}

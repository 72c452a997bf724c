package io.ltemodem.sim;

/**
 * What happens inside the simulated modem that a port may announce. Protocol-neutral: the AT port turns these
 * into URCs and pty lifecycle, a QMI port would turn them into indications.
 */
public sealed interface ModemEvent {
    /** The USB device (and so every port) appeared: during boot, or after a {@link Faults#portVanishes} glitch. */
    record UsbAttached(boolean booting) implements ModemEvent {
    }

    /** The USB device went away. {@code graceful}: a reset or power-down the firmware initiated (its last words get out). */
    record UsbDetached(boolean graceful) implements ModemEvent {
    }

    /** Firmware is up and answers; the SIM state at that moment is given (for boot URCs such as {@code +CPIN: READY}). */
    record Booted(SimCardState sim) implements ModemEvent {
    }

    /** The power-down command finished logging off; the module is about to lose power. */
    record PoweredDown() implements ModemEvent {
    }

    /** The SIM changed state (unlock, PUK needed, removed, inserted, busy window over). */
    record SimChanged(SimCardState sim) implements ModemEvent {
    }

    /** A domain's registration changed. */
    record RegistrationChanged(RegDomain domain, Registration registration) implements ModemEvent {
    }

    /** A context became active, by the host's request or the network's. */
    record PdpActivated(int cid, boolean byNetwork) implements ModemEvent {
    }

    /** A context went inactive; {@code ipv4} is the address it had (null if none), for the legacy {@code NW DEACT} form. */
    record PdpDeactivated(int cid, boolean byNetwork, String pdpType, String ipv4) implements ModemEvent {
    }

    /** Packet-domain detach, by the network (coverage lost) or the modem (radio off, {@code +CGATT=0}). */
    record Detached(boolean byNetwork) implements ModemEvent {
    }
}

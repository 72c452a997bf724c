package io.ltemodem.engine;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;

import java.io.IOException;

/**
 * How the engine reads a modem's own state and gives it orders — SIM, radio, registration, resets — whatever
 * carries its data ({@link io.ltemodem.dataplane.DataPlane}). One implementation per control protocol, chosen
 * per modem: AT where the modem has an AT port (a typical EC25), QMI for a modem that has only a QMI control
 * node. The reconciler never asks which one it has.
 *
 * <p>Every call is bounded by the implementation's deadlines and made from the reconciler's loop thread only.
 * A step's effect is verified by the next probe, never assumed.
 */
public interface ModemControl {
    /** {@code at} or {@code qmi}. */
    String name();

    /** The node this control talks through now (the AT tty, the QMI control node), or null while it is absent. */
    String locate(ModemPorts ports);

    /**
     * Makes sure the control talks through {@code path}, opening or re-opening (after a re-enumeration) as needed.
     *
     * @return true when it (re)opened: nothing the modem was told before can be assumed any more
     */
    boolean connect(String path) throws IOException;

    /** Whether the connection still stands: false once the port vanished, even in the middle of a probe. */
    boolean connected();

    /** Lets go of the port: the device is gone, the modem is disabled, or a reset is on its way. */
    void release();

    /**
     * Reads what this control can tell into a new snapshot: {@link Snapshot#controlResponsive()} always; SIM,
     * radio, registration, identity and more as far as the protocol shows them. Read-only.
     *
     * @param knownIdentity the identity read since the port opened, or null to read it now
     */
    Snapshot.Builder probe(ModemConfig want, Identity knownIdentity);

    /** Sets up what the modem forgets on every boot (reporting switches); true when done, or when nothing is needed. */
    boolean init();

    /** Sends PIN1 (the PIN policy decided it may). */
    PinResult enterPin(String pin);

    /** What a PIN attempt showed. A rejection is remembered and the PIN never sent again; unclear is judged by the next probe. */
    enum PinResult { ACCEPTED, REJECTED, UNCLEAR }

    /** Radio on or off (RF off, not a power-down); true when the modem answered. */
    boolean setRadio(boolean on);

    /** Defines a PDP context; false when it failed or this control cannot (then contexts are never reported either). */
    boolean defineContext(int cid, String pdpType, String apn);

    /** Packet-domain attach; false when it failed or this control cannot. */
    boolean attach();

    /** L3: asks for the soft reset. Answer or not, the caller then waits for the device to go and come back. */
    void requestSoftReset();

    /** L5 without a power line: a power-down after which the board powers the module again; false when there is none. */
    boolean requestPowerDown();

    /**
     * Whether this control can take recovery step {@code level}; the ladder climbs past those it cannot (MBIM's
     * basic services have no soft reset; a modem without a control plane can only be reset from the host side).
     */
    default boolean can(RecoveryLevel level) {
        return true;
    }

    /**
     * False for a modem with no control plane at all: nothing answers about SIM, radio or registration, the state
     * follows from the link ({@link Planner#planLinkOnly}), and {@link #probe} reports only that the port is there.
     */
    default boolean controlsModem() {
        return true;
    }

    /** Tells {@code events} what the modem reports by itself from now on; null stops it. */
    void listen(Events events);

    /** What the modem (or its port) reports without being asked. Called on transport threads: must not block. */
    interface Events {
        /** The modem restarted (or is about to): nothing it was told since its last boot holds. */
        void rebooted();

        /** A port that answered has stopped answering (several requests in a row timed out). */
        void unresponsive();

        /** Something changed that the loop should look at now: a registration or bearer report, the port closing. */
        void changed();
    }
}

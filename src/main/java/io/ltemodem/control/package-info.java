/**
 * How the engine controls a modem ({@link io.ltemodem.engine.ModemControl}): {@link io.ltemodem.control.AtControl}
 * over the AT port (the probe, 27.007 and the profile's vendor commands; URCs for reboots and changes), and
 * {@link io.ltemodem.control.QmiControl} over QMI for a modem without an AT port (UIM PIN, DMS operating mode and
 * reset, through the same {@link io.ltemodem.dataplane.qmi.QmiDataPlane} that carries its data).
 *
 * <p>Which one a modem gets is the {@link io.ltemodem.engine.DriverSelector}'s choice: AT wherever there is an AT
 * port (a typical EC25, even with its data on QMI), QMI otherwise. The reconciler never branches on it.
 */
package io.ltemodem.control;

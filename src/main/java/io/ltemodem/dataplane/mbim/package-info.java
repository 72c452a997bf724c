/**
 * The MBIM data plane ({@link io.ltemodem.dataplane.mbim.MbimDataPlane}, name {@code mbim}): attach, CONNECT and
 * DISCONNECT through an {@link io.ltemodem.mbim.MbimTool}; {@code observe} fills SIM (ready state and PIN state),
 * radio (as +CFUN 1/4), the EPS registration and operator, packet attach, the session of {@code want.profile()} and
 * its static IP configuration; {@code verifyPin}, {@code setRadio} and {@code registerAutomatic} are the steps the
 * engine's policies call.
 */
package io.ltemodem.dataplane.mbim;

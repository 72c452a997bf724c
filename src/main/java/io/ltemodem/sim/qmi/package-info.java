/**
 * A QMI modem on a pseudo-terminal that the real {@code qmicli --device-open-qmi} and {@code uqmi} talk to:
 * QMUX framing ({@link io.ltemodem.sim.qmi.QmuxMessage}, {@link io.ltemodem.sim.qmi.QmuxFrameReader}),
 * CTL/DMS/UIM/NAS/WDS/WDA handlers answering byte for byte as in {@code qmi-wire-log.txt}, client-id pools that
 * run out, and faults ({@link io.ltemodem.sim.qmi.QmiFaults}: silence, dropped requests, ignored messages, slow
 * or fragmented answers; delays run on the injected {@link io.ltemodem.sys.Clock}).
 *
 * <p>The modem's state is a {@link io.ltemodem.sim.qmi.QmiModemModel}; {@link io.ltemodem.sim.qmi.SimpleQmiModel}
 * is an in-memory one; {@link io.ltemodem.sim.qmi.SimModemQmiModel} is the AT simulator's modem seen through QMI,
 * which {@link io.ltemodem.sim.qmi.QmiSimPort} serves beside the AT port: one modem, two ports.
 *
 * <p>Known limit: an answer delayed past the client's deadline is still written after the client was killed, and
 * the next client to open the pty reads it first (a real cdc-wdm behaves the same); libqmi drops answers whose
 * transaction matches nothing, but one that matches a new request's id fails that request. Tests keep delays
 * below deadlines, or use silence.
 */
package io.ltemodem.sim.qmi;

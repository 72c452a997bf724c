/**
 * The simulated LTE modem: the daemon's real peer when no modem is plugged in (tests, {@code make run}).
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link io.ltemodem.sim.ModemModel} — the state of one modem (power, SIM with retry counters, CFUN,
 *       per-domain registration, attach, PDP contexts with addresses, signal). Protocol-neutral: it reports what
 *       happens as {@link io.ltemodem.sim.ModemEvent}s and refuses with {@link io.ltemodem.sim.ModemFailure}s,
 *       so a QMI or MBIM port can share it with the AT port.</li>
 *   <li>{@link io.ltemodem.sim.AtSimPort} — the AT port on a real pseudo-terminal. One pty per USB appearance:
 *       a reset or power-down hangs it up, the next boot opens a new one under a new path.</li>
 *   <li>{@link io.ltemodem.sim.qmi.QmiSimPort} (with {@code SimModem.builder().qmi(true)}) — the QMI port, the
 *       same life cycle: the QMI simulator over {@link io.ltemodem.sim.qmi.SimModemQmiModel}, the model seen through
 *       QMI, so a PIN verified over QMI unlocks what AT reports and a WDS session is the context {@code +CGACT?}
 *       shows.</li>
 *   <li>{@link io.ltemodem.sim.Persona} / {@link io.ltemodem.sim.Personas} — vendor behaviour as data
 *       ({@code personas.json}).</li>
 *   <li>{@link io.ltemodem.sim.Faults} and {@link io.ltemodem.sim.Scenario} — fault injection, by API or by a
 *       JSON timeline.</li>
 *   <li>{@link io.ltemodem.sim.SimModem} — all of it behind a builder; {@code start()}, {@code close()}.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * Every simulated delay (boot, USB enumeration, registration, SIM busy, log-off, slow replies, scenario steps) runs
 * on the injected {@link io.ltemodem.sys.Clock}; so do the {@code await} methods' limits. Share one
 * {@link io.ltemodem.sys.ScaledClock} between the daemon and the simulator and minutes of modem life take seconds.
 *
 * <h2>Threads</h2>
 * One clock thread per simulator ({@code sim-<name>-clock}); per pty a reader and a writer
 * ({@code sim-<name>-at<n>-reader/-writer}). {@link io.ltemodem.sim.SimModem#close()} ends them all.
 *
 * <h2>What the AT port does not do</h2>
 * No SMS, voice, {@code ATD}/PPP data mode, S-registers, {@code +COPS=?} beyond one fixed list, or network
 * scans with real duration beyond a 3 s answer delay. Unknown commands answer {@code ERROR}, as a real module does.
 */
package io.ltemodem.sim;

/**
 * An MBIM function on a pseudo-terminal for tests and demos: {@link io.ltemodem.sim.mbim.MbimSimulator} answers OPEN,
 * CLOSE and BASIC_CONNECT commands (subscriber ready status, radio state, PIN, register state, packet service,
 * connect, IP configuration) so that the real {@code mbimcli} 1.28 talks to it as to {@code /dev/cdc-wdm0} — its
 * output matches the reference transcript byte for byte — and sends INDICATE_STATUS when asked to.
 *
 * <p>The modem behind it is a {@link io.ltemodem.sim.mbim.MbimModemModel}: {@link io.ltemodem.sim.mbim.SimpleMbimModel}
 * in memory, or {@link io.ltemodem.sim.mbim.AtModemMbimModel} over the AT simulator's
 * {@link io.ltemodem.sim.ModemModel}, so the AT and MBIM ports see one modem (session n = PDP context n + 1).
 * Faults ({@link io.ltemodem.sim.mbim.MbimFaults}): silence, dropped or ignored messages, slow answers on the
 * simulator's Clock, fragmented writes, a function that lost its session.
 */
package io.ltemodem.sim.mbim;

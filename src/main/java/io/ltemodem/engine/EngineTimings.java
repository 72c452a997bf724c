package io.ltemodem.engine;

/**
 * How long the reconciler lets each thing take, in milliseconds of the engine clock. The defaults follow the
 * budgets in reference/modem-domain.md §6–7 (registration 60–120 s, SIM ready within 60 s, USB re-enumeration
 * 10–35 s after a reset, Quectel power-down up to 62 s).
 */
public record EngineTimings(long commandTimeoutMs, long activePollMs, long parkedPollMs,
                            long simBusyStallMs, long radioStallMs, long searchingStallMs, long attachStallMs,
                            long bearerStallMs, long ipStallMs, long notRespondingStallMs, long deviceGoneMs,
                            long resetVanishMs, long resetReturnMs, long powerOffHoldMs, long portPollMs) {

    public static EngineTimings defaults() {
        return new EngineTimings(5_000, 1_000, 10_000,
                60_000, 30_000, 120_000, 60_000,
                60_000, 20_000, 30_000, 60_000,
                15_000, 90_000, 2_000, 200);
    }

    /** The AT command deadline used by the probe and the actions. */
    public EngineTimings withCommandTimeout(long ms) {
        return new EngineTimings(ms, activePollMs, parkedPollMs, simBusyStallMs, radioStallMs, searchingStallMs,
                attachStallMs, bearerStallMs, ipStallMs, notRespondingStallMs, deviceGoneMs, resetVanishMs, resetReturnMs,
                powerOffHoldMs, portPollMs);
    }
}

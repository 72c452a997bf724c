package io.ltemodem.engine;

import io.ltemodem.model.ModemState;
import io.ltemodem.model.Snapshot;

/**
 * The cached report of one modem, replaced (never mutated) after every cycle, so readers such as the ubus
 * {@code status} method answer at once without waiting on the modem.
 */
public record ModemStatus(String modem, ModemState state, long since, String lastError, Snapshot snapshot,
                          String netdev, String protocol, RecoveryLevel level, int attempts, String lastAction,
                          int resetsLastHour) {
}

package io.ltemodem.engine;

import io.ltemodem.model.ModemState;

/** The planner's verdict for one snapshot: where the modem is, and the one next action. */
public record Plan(ModemState state, Action action) {
}

package io.ltemodem.engine;

import io.ltemodem.model.ModemState;

/** A state change, as published on ubus ({@code ltemodem.state}) and in the log. */
public record StateEvent(String modem, ModemState from, ModemState to, String reason, long at) {
}

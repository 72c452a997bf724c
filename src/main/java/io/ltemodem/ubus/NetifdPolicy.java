package io.ltemodem.ubus;

import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.StateKind;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the daemon asks netifd to act on an interface ({@code network.interface.<modem>}), decided without libubus
 * so it can be tested:
 * <ul>
 *   <li>{@code renew} whenever the engine reports new IP settings while connected, so netifd re-reads them;</li>
 *   <li>{@code down} when a session that was up is lost for a reason only a person can fix (PIN, SIM, denied,
 *   config): netifd would otherwise keep re-running setup. Only after the session had been up since the last
 *   {@code down}: a modem that never came up is answered through the pending {@code connect} reply instead, and
 *   an interface that netifd never brought up must not be touched (netifd's {@code down} also clears its
 *   autostart).</li>
 * </ul>
 * Thread-safe: state changes arrive on reconciler threads.
 */
final class NetifdPolicy {
    static final String RENEW = "renew";
    static final String DOWN = "down";

    private final Set<String> sessionUp = ConcurrentHashMap.newKeySet();

    /** The netifd method to call for this state change, or null. */
    String onStateChange(StateEvent e) {
        StateKind k = e.to().kind();
        if (k == StateKind.CONNECTED || k == StateKind.ONLINE) {
            sessionUp.add(e.modem());
            return null;
        }
        ErrorCode err = e.to().error();
        if (err != null && err.needsUser() && sessionUp.remove(e.modem())) return DOWN;
        return null;
    }

    /** The user (or netifd's teardown) asked for the session to go down: nothing left to take down. */
    void onDisconnect(String modem) {
        sessionUp.remove(modem);
    }

    String onIpChanged(String modem) {
        return RENEW;
    }
}

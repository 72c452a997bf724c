package io.ltemodem.engine;

/** Receives what a reconciler does, on the reconciler's thread: keep it quick. */
public interface EngineListener {
    default void onStateChange(StateEvent e) {
    }

    /** An action was taken (or a recovery step), with why. */
    default void onAction(String modem, String action, String reason, long at) {
    }

    /** IP settings changed while connected: netifd should re-read them ({@code renew}). */
    default void onIpChanged(String modem) {
    }
}

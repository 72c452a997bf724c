package io.ltemodem.sim;

/**
 * Receives {@link ModemEvent}s. Called with the model's lock held, in the order events happen: implementations must
 * not block (queue the work) and must not call back into the model from another thread while waiting for it.
 */
@FunctionalInterface
public interface ModemListener {
    void onEvent(ModemEvent event);
}

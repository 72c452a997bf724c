package io.ltemodem.dataplane;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Snapshot;

/**
 * How a data session is started and stopped on one modem: AT +CGACT, QMI WDS, MBIM CONNECT, vendor NDIS
 * dial-up or PPP. One implementation per protocol (as netifd's proto handlers, ModemManager's bearers).
 * Every call is idempotent and bounded by a deadline; the next probe verifies its effect.
 */
public interface DataPlane extends AutoCloseable {
    /** {@code at}, {@code qmi}, {@code mbim}, {@code ncm}, {@code ecm}, {@code rndis}, {@code cdc_ether}, {@code ppp}. */
    String name();

    /** Starts the session for {@code want}; a session that is already up is kept, not duplicated. */
    StepResult start(ModemConfig want);

    /** Stops the session; stopping a stopped session succeeds. */
    StepResult stop(ModemConfig want);

    /**
     * Adds what this plane observes (bearer state, IP configuration, host link) to a snapshot being built.
     * Runs on the reconciler thread during the probe; must not block past its deadlines.
     */
    void observe(ModemConfig want, Snapshot.Builder into);

    /** The host network device carrying the data, or null when the plane has none (the modem routes). */
    String netdev();

    @Override
    default void close() {
    }
}

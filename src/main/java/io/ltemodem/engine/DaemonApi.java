package io.ltemodem.engine;

import io.ltemodem.at.AtResult;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.model.DeviceInfo;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the edge adapters (ubus object, in-process dispatcher, demo) may ask of the daemon. Implemented by the
 * daemon's composition root. Methods never block on a modem except {@link #at}, which has its own deadline.
 * {@code modem} is the UCI interface section name (e.g. {@code wwan}).
 */
public interface DaemonApi {
    /** Every configured modem's cached status, in configuration order. */
    List<ModemStatus> statuses();

    /** The cached status, or null for an unknown modem. */
    ModemStatus status(String modem);

    /** Where the modem sits (USB, ports, driver, protocol), or null for an unknown modem. */
    DeviceInfo device(String modem);

    /**
     * Wants the session up and completes once the modem is ONLINE, or with the status that says why it cannot be
     * (an error that needs a person), or with the last status when {@code timeoutMs} passes. Never fails
     * exceptionally except for an unknown modem ({@link IllegalArgumentException}).
     */
    CompletableFuture<ModemStatus> connect(String modem, long timeoutMs);

    /** Wants the session down; returns at once, the daemon finishes asynchronously. */
    void disconnect(String modem);

    /** Queues a reset at {@code level} (counted against the hourly cap). False for an unknown modem. */
    boolean reset(String modem, RecoveryLevel level);

    /** Sends one AT command on the modem's port (policy checks are the caller's); null for an unknown modem. */
    AtResult at(String modem, String command, long timeoutMs);

    /** Re-reads the configuration and applies what changed; returns one line per change or error. */
    List<String> reload();

    /** A device arrived or left (hotplug): re-run discovery now rather than at the next poll. */
    void hotplug(String action, String subsystem, String devname, String devpath);

    void addListener(EngineListener l);

    DaemonConfig daemonConfig();
}

package io.ltemodem.sim;

/**
 * Fault injection for one simulated modem. Port faults shape what the AT port says; network and SIM faults change
 * the model, and the ports report them as a real modem would. Durations are in the simulator's clock.
 */
public final class Faults {
    /** What a URC storm repeats when no line is given: a flapping cell's registration report. */
    public static final String DEFAULT_STORM_URC = "+CEREG: 1";

    private final ModemModel model;
    private final AtSimPort port;
    private final SimScheduler scheduler;

    Faults(ModemModel model, AtSimPort port, SimScheduler scheduler) {
        this.model = model;
        this.port = port;
        this.scheduler = scheduler;
    }

    // ---------------------------------------------------------------- the AT port

    /** Hung firmware for {@code ms} (or until it restarts): commands are swallowed, nothing is written (not even URCs). */
    public void silence(long ms) {
        port.faults().silence(Math.max(0, ms));
    }

    /** Hung firmware until {@link #speak()} or {@link #clearPortFaults()}. */
    public void silenceUntilCleared() {
        port.faults().silence(-1);
    }

    /** Silent for good, across reboots and power cycles, until {@link #speak()}: a module nothing brings back. */
    public void wedge() {
        port.faults().wedge();
    }

    /** Ends a silence. */
    public void speak() {
        port.faults().speak();
    }

    /** Writes {@code bytes} random bytes (ASCII and not, no CR/LF) at the next line boundary. */
    public void garbage(int bytes) {
        port.garbage(bytes);
    }

    /** Every reply waits {@code ms} before its first line (0 = normal speed); the echo still comes at once. */
    public void slowReplies(long ms) {
        port.faults().slow(ms);
    }

    /** Every write is split into {@code chunkBytes}-byte pieces {@code gapMillis} apart (0 bytes = whole lines). */
    public void fragmentReplies(int chunkBytes, long gapMillis) {
        port.faults().fragment(chunkBytes, gapMillis);
    }

    /** Echo back on (as after a reboot). */
    public void echoOn() {
        port.echoOn();
    }

    /** {@code count} copies of {@link #DEFAULT_STORM_URC}, {@code intervalMillis} apart (0 = all at once). */
    public void urcStorm(int count, long intervalMillis) {
        urcStorm(count, intervalMillis, DEFAULT_STORM_URC);
    }

    /** {@code count} copies of {@code line}, {@code intervalMillis} apart (0 = all at once). */
    public void urcStorm(int count, long intervalMillis, String line) {
        for (int i = 0; i < count; i++) {
            if (intervalMillis <= 0) port.urc(line);
            else scheduler.schedule(i * intervalMillis, () -> port.urc(line));
        }
    }

    /** One unsolicited line, now (at the next line boundary). */
    public void injectUrc(String line) {
        port.urc(line);
    }

    /** One unsolicited line inside the next response: after its information lines, before its final result. */
    public void urcInNextResponse(String line) {
        port.faults().urcInNextResponse(line);
    }

    /** The USB device drops off (the pty hangs up) and comes back under a new path after {@code reappearAfterMillis}. */
    public boolean portVanishes(long reappearAfterMillis) {
        return model.usbGlitch(reappearAfterMillis);
    }

    /** Ends silence, slow and fragmented replies and pending slipped URCs. */
    public void clearPortFaults() {
        port.faults().clear();
    }

    // ---------------------------------------------------------------- network and SIM

    /** The network deactivates context {@code cid}: {@code +CGEV: NW DEACT ...}, context inactive, address gone. */
    public boolean networkDeactivatesContext(int cid) {
        return model.networkDeactivate(cid);
    }

    /** "Bearer up but IP lost": {@code +CGACT} still says active, but the modem reports no address. */
    public boolean ipLost(int cid) {
        return model.loseIp(cid);
    }

    /**
     * "Connected" lies: context {@code cid} stays up with its address and every query says so, but no traffic
     * passes until the session is restarted. Only the daemon's data-path check can tell.
     */
    public boolean dataPathDies(int cid) {
        return model.dropTraffic(cid);
    }

    /** Coverage lost: searching, packet detach ({@code +CGEV: NW DETACH}); back (registered again) after {@code backAfterMillis}. */
    public void registrationLost(long backAfterMillis) {
        model.loseCoverage();
        scheduler.schedule(backAfterMillis, model::restoreCoverage);
    }

    /** Coverage lost until {@link #registrationRestored()}. */
    public void registrationLostForGood() {
        model.loseCoverage();
    }

    public void registrationRestored() {
        model.restoreCoverage();
    }

    /** The SIM is pulled: {@code +CPIN: NOT READY} (personas that announce it), then {@code +CME ERROR: 10}. */
    public void simRemoved() {
        model.removeSim();
    }

    public void simInserted() {
        model.insertSim();
    }

    /** The SIM answers {@code +CME ERROR: 14} for {@code ms}. */
    public void simBusy(long ms) {
        model.simBusyFor(ms);
    }

    /** The modem reboots by itself: the port hangs up, a new one appears, {@code RDY} (per persona) after boot. */
    public boolean reboot() {
        return model.reboot(true);
    }
}

package io.ltemodem.engine;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.model.DataPath;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.Deadline;
import io.ltemodem.sys.StaleHolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The per-modem control loop (DESIGN §4): observe → compare with desired → take the ONE next step → observe
 * again. Level-triggered: nothing is remembered about the modem that the next probe could not confirm, and
 * everything is re-read after a reset. Problems the modem will not fix by itself go to the {@link Ladder}.
 *
 * <p>How the modem is driven — its {@link ModemControl} (AT or QMI) and {@link io.ltemodem.dataplane.DataPlane} —
 * comes from a {@link DriverSelector}, asked every cycle: a modem absent at start gets its drivers when it appears,
 * and new ones when it re-enumerates under another control node.
 *
 * <p>One thread per modem runs the loop. Other threads only read the cached {@link ModemStatus}, change the
 * desired state, or wake the loop (URCs, port loss, ubus calls) so losses are acted on at once.
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final String modem;
    private final Clock clock;
    private final ModemPorts ports;
    private final DriverSelector selector;
    private final DataPathCheck dataPathCheck;
    private final PinPolicy pins;
    private final Ladder ladder;
    private final RecoveryActions recovery;
    private final EngineTimings timings;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final Object wakeLock = new Object();
    private final MaintenanceSchedule maintenance;
    private final StaleHolders staleHolders = StaleHolders.system();

    private volatile ModemConfig want;
    private volatile DaemonSettings daemon;
    private volatile boolean up = true;
    private volatile boolean running;
    private volatile ModemStatus status;
    private volatile boolean rebootSeen;
    private volatile boolean unresponsiveSeen;
    private volatile RecoveryLevel manualReset;
    private boolean woken;
    private Thread thread;

    /** Reports from the control, on transport threads: they only set flags and wake the loop. */
    private final ModemControl.Events events = new ModemControl.Events() {
        @Override
        public void rebooted() {
            rebootSeen = true;
            wake();
        }

        @Override
        public void unresponsive() {
            unresponsiveSeen = true;
            wake();
        }

        @Override
        public void changed() {
            wake();
        }
    };

    // Owned by the loop thread.
    private Drivers drivers;
    private ModemState state = ModemState.of(StateKind.ENUMERATING);
    private long stateSince;
    private String lastError;
    private String lastAction;
    private Snapshot snapshot;
    private boolean initDone;
    private Identity identity;
    private boolean connectedBefore;
    private boolean answeredSinceOpen;
    private long absentSince = -1;
    private boolean seenDevice;
    private long stallSince;
    private StateKind stallKind;
    private long bearerRetryAt;
    private int bearerFailures;
    private PinAttempt pinAttempt;
    private long lastPathCheck = -1;
    private DataPath lastPath;
    private int pathFailures;
    private IpConfig lastIp;

    /** Daemon-wide knobs the loop reads each cycle (changed by reload). */
    public record DaemonSettings(boolean enabled, long pollIntervalMs, boolean watchdog, long watchdogIntervalMs,
                                 int watchdogFailures, java.time.LocalTime maintenanceTime, RecoveryLevel maintenanceLevel) {
        public static DaemonSettings from(io.ltemodem.config.DaemonConfig c) {
            return new DaemonSettings(c.enabled(), c.pollIntervalMs(), !c.watchdogHosts().isEmpty(), c.watchdogIntervalMs(),
                    c.watchdogFailures(), c.maintenanceTime(),
                    "modem".equals(c.maintenanceLevel()) ? RecoveryLevel.L3_MODEM : RecoveryLevel.L1_SESSION);
        }
    }

    /**
     * What a reconciler works with; built by the daemon (or a test) for one modem. {@code channel} is the modem's AT
     * channel for the ubus AT console; an AT control shares it, a QMI-only modem leaves it closed.
     */
    public record Parts(Clock clock, java.time.Clock wallClock, ModemPorts ports, AtChannel channel,
                        DriverSelector drivers, DataPathCheck dataPathCheck, PinPolicy pins, Ladder ladder,
                        RecoveryActions recovery, EngineTimings timings) {
    }

    private record PinAttempt(String pin, Integer retriesBefore) {
    }

    public Reconciler(String modem, ModemConfig want, DaemonSettings daemon, Parts parts) {
        this.modem = modem;
        this.want = want;
        this.daemon = daemon;
        this.clock = parts.clock();
        this.ports = parts.ports();
        this.selector = parts.drivers();
        this.dataPathCheck = parts.dataPathCheck();
        this.pins = parts.pins();
        this.ladder = parts.ladder();
        this.recovery = parts.recovery();
        this.timings = parts.timings();
        this.maintenance = new MaintenanceSchedule(parts.wallClock());
        this.stateSince = clock.millis();
        this.status = new ModemStatus(modem, state, stateSince, null, Snapshot.empty(stateSince), null, null,
                RecoveryLevel.L0_REPROBE, 0, null, 0);
    }

    public String modem() {
        return modem;
    }

    public void addListener(EngineListener l) {
        listeners.add(l);
    }

    /** The last cycle's report; never waits on the modem. */
    public ModemStatus status() {
        return status;
    }

    public ModemConfig desired() {
        return want;
    }

    /** New configuration (reload): takes effect at the next cycle, which starts now. */
    public void update(ModemConfig cfg, DaemonSettings settings) {
        ModemConfig old = want;
        want = Objects.requireNonNull(cfg);
        daemon = Objects.requireNonNull(settings);
        if (!old.pincode().equals(cfg.pincode())) pinAttempt = null;
        wake();
    }

    /** Whether a data session is wanted (netifd {@code connect} / {@code disconnect}). */
    public void setUp(boolean wanted) {
        up = wanted;
        wake();
    }

    /**
     * A reset asked for by a person (ubus {@code reset}); it runs on the loop thread at once, counted against the
     * hourly cap (past it the modem reports QUARANTINE instead).
     */
    public void requestReset(RecoveryLevel level) {
        manualReset = Objects.requireNonNull(level);
        wake();
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::loop, "modem-" + modem);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs one cycle now on this thread (tests); returns the delay the loop would wait. */
    public long cycleOnce() {
        return cycle();
    }

    public void wake() {
        synchronized (wakeLock) {
            woken = true;
            wakeLock.notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            long delay;
            try {
                delay = cycle();
            } catch (RuntimeException e) {
                log.error("{}: cycle failed: {}", modem, e.toString(), e);
                delay = timings.activePollMs();
            }
            sleep(delay);
        }
    }

    private void sleep(long ms) {
        if (ms <= 0) return;
        Deadline d = Deadline.in(clock, ms);
        synchronized (wakeLock) {
            try {
                while (!woken && running && !d.expired()) clock.waitOn(wakeLock, d.remaining());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }

    // ---------------------------------------------------------------- one cycle

    private long cycle() {
        long now = clock.millis();
        ModemConfig want = this.want;
        DaemonSettings settings = this.daemon;
        if (!settings.enabled()) {
            if (drivers != null && drivers.usable()) drivers.control().release();
            initDone = false;
            publish(ModemState.of(StateKind.DISABLED), "disabled by configuration", Snapshot.empty(now));
            return timings.parkedPollMs();
        }

        Drivers d = bind(want);
        if (d == null) return portsMissing(now);
        if (!d.usable()) {
            manualReset = null; // nothing to reset through
            publish(ModemState.failed(StateKind.NEEDS_USER, d.error().name(), d.error()), d.problem(),
                    Snapshot.builder(now).portPresent(Fact.of(true, now)).build(), d.problem());
            return timings.parkedPollMs();
        }
        ModemControl control = d.control();
        String path = control.locate(ports);
        if (path == null) return portsMissing(now);
        absentSince = -1;
        seenDevice = true;
        try {
            if (connectControl(control, path)) {
                forgetModemFacts();
                log.info("{}: {} port {}", modem, control.name(), path);
            }
        } catch (IOException e) {
            forgetModemFacts();
            publish(ModemState.failed(StateKind.NOT_RESPONDING, null, ErrorCode.NOT_RESPONDING), e.getMessage(),
                    Snapshot.empty(now), e.getMessage());
            return timings.activePollMs();
        }
        if (rebootSeen) {
            rebootSeen = false;
            forgetModemFacts();
        }

        Snapshot s = observe(want, d);
        // The port died under the probe: the snapshot is a torso. Plan nothing on it; look again.
        if (!control.connected()) return 0;
        // The modem announced a finished boot (RDY) while the probe waited on it: ask again now, count no dwell time.
        if (rebootSeen && !s.controlResponsive().is(true)) return 0;
        if (s.identity().known()) identity = s.identity().value();

        RecoveryLevel manual = manualReset;
        if (manual != null) {
            manualReset = null;
            manual = possibleFrom(manual);
            Ladder.Decision decision = ladder.manual(manual);
            if (decision instanceof Ladder.Step) return runRecovery(manual, "reset requested", s);
            publish(ModemState.failed(StateKind.QUARANTINE, null, ErrorCode.QUARANTINE), "reset refused: hourly cap reached", s);
            return timings.activePollMs();
        }
        if (s.controlResponsive().is(true)) answeredSinceOpen = true;
        if (unresponsiveSeen) {
            unresponsiveSeen = false;
            // A port that answered and fell silent is hung: act now. A port that has not answered since it
            // appeared may be a modem still booting: that gets the NOT_RESPONDING dwell time instead.
            if (answeredSinceOpen && !s.controlResponsive().is(true)) return recover(Problem.NOT_RESPONDING, s);
        }

        noteRejectedPin(s);
        Plan plan = plan(s);
        ModemState st = plan.state();

        if (st.kind() == StateKind.CONNECTED) {
            DataPath dp = verifyDataPath(s, settings);
            s = s.toBuilder().dataPath(Fact.of(dp, clock.millis())).build();
            if (dp != null && dp.ok()) st = ModemState.of(StateKind.ONLINE, st.detail());
            else if (pathFailures >= Math.max(1, settings.watchdogFailures())) return recover(Problem.DATA_PATH_DEAD, s);
            else st = ModemState.failed(StateKind.CONNECTED, null, ErrorCode.DATA_PATH_DEAD);
        } else {
            lastPathCheck = -1;
            pathFailures = 0;
        }

        // A session that was up and is gone (the network deactivated it, the IP vanished): L1 at once. One taken
        // down because netifd asked (disconnect) is not lost: the next connect just starts it.
        if (!up) connectedBefore = false;
        if (connectedBefore && (plan.action() instanceof Action.StartBearer
                || (st.kind() == StateKind.CONNECTING && st.error() == ErrorCode.NO_IP))) {
            connectedBefore = false;
            return recover(Problem.SESSION_LOST, s);
        }

        Problem stall = stallProblem(st, now);
        if (stall != null) return recover(stall, s);
        st = quarantineAware(st);

        publish(st, reasonFor(plan.action()), s);
        if (st.kind() == StateKind.ONLINE && maintenance.due(settings.maintenanceTime())) {
            RecoveryLevel level = possibleFrom(settings.maintenanceLevel());
            Ladder.Decision decision = ladder.manual(level);
            if (decision instanceof Ladder.Step) return runRecovery(level, "daily maintenance restart", s);
        }
        if (st.kind() == StateKind.ONLINE) {
            ladder.onHealthy();
            connectedBefore = true;
            noteIpChange(s);
        } else if (st.kind().rank() < StateKind.ATTACHED.rank()) {
            connectedBefore = false;
        }
        return act(plan.action(), s, settings);
    }

    /**
     * Opens the control port; when something else holds it (a stale helper from an earlier script or daemon, a
     * uqmi without -t), stops exactly the processes that provably have our node open and tries once more.
     */
    private boolean connectControl(ModemControl control, String path) throws IOException {
        try {
            return control.connect(path);
        } catch (IOException first) {
            List<StaleHolders.Holder> stopped = staleHolders.stop(java.nio.file.Path.of(path), 2_000);
            if (stopped.isEmpty()) throw first;
            note("stop stale helpers", stopped.size() + " process(es) held " + path);
            return control.connect(path);
        }
    }

    /**
     * The control's facts, then the plane's (bearer, IP, host link). A control port that does not answer gets no
     * plane requests on top: there is nothing to plan on, and each would only wait for its own deadline.
     */
    private Snapshot observe(ModemConfig want, Drivers d) {
        Snapshot.Builder b = d.control().probe(want, identity);
        if (!d.control().controlsModem() || b.build().controlResponsive().is(true)) d.plane().observe(want, b);
        return b.build();
    }

    /**
     * The drivers for the modem now. New drivers (first found, re-enumerated, another protocol configured) start
     * from nothing: the old control stops reporting and lets go of its port, and every fact is forgotten.
     */
    private Drivers bind(ModemConfig want) {
        Drivers now = selector.select(want);
        if (now == drivers) return now;
        Drivers old = drivers;
        drivers = now;
        if (old != null && old.usable()) {
            old.control().listen(null);
            old.control().release();
        }
        if (now != null && now.usable()) {
            now.control().listen(events);
            log.info("{}: {} control, {} data plane", modem, now.control().name(), now.plane().name());
        }
        forgetModemFacts();
        return now;
    }

    private long portsMissing(long now) {
        if (drivers != null && drivers.usable()) drivers.control().release();
        forgetModemFacts();
        stallKind = null; // a port that comes back silent gets its full dwell time from then on
        boolean device = ports.devicePresent();
        if (absentSince < 0) absentSince = now;
        Snapshot s = Snapshot.builder(now).portPresent(Fact.of(false, now)).build();
        // A modem we saw before has gone; one never seen is only chased when a power line says it should be there.
        if ((seenDevice || recovery.hasPowerLine()) && now - absentSince >= timings.deviceGoneMs()) {
            absentSince = now;
            return recover(Problem.DEVICE_GONE, s);
        }
        String waiting = drivers != null && drivers.usable() ? "waiting for the " + drivers.control().name() + " port"
                : "waiting for the modem's ports";
        publish(device ? ModemState.of(StateKind.ENUMERATING)
                : ModemState.failed(StateKind.ABSENT, null, ErrorCode.NO_DEVICE), device ? waiting : "no device", s);
        return timings.portPollMs();
    }

    /** After a reopen or a reboot nothing the modem was told, or said about itself, is assumed any more. */
    private void forgetModemFacts() {
        initDone = false;
        answeredSinceOpen = false;
        identity = null;
        connectedBefore = false;
        lastPathCheck = -1;
        pathFailures = 0;
    }

    // ---------------------------------------------------------------- actions

    private long act(Action a, Snapshot s, DaemonSettings settings) {
        ModemControl control = drivers.control();
        if (a instanceof Action.Init) {
            note("init", "port opened or modem restarted");
            initDone = control.init();
            return 0;
        }
        if (a instanceof Action.EnterPin p) {
            enterPin(control, p.pin(), s);
            return 0;
        }
        if (a instanceof Action.RadioOn) {
            note("radio on", "the radio is " + s.radio());
            control.setRadio(true);
            return 0;
        }
        if (a instanceof Action.DefineContext c) {
            note("define context " + c.cid(), "PDP context differs from the configuration");
            control.defineContext(c.cid(), c.pdpType(), c.apn());
            return 0;
        }
        if (a instanceof Action.Attach) {
            note("attach", "registered but not attached");
            control.attach();
            return 0;
        }
        if (a instanceof Action.StartBearer) return startBearer();
        if (a instanceof Action.StopBearer) {
            note("stop bearer", up ? "not allowed now" : "disconnect requested");
            drivers.plane().stop(want);
            return 0;
        }
        if (a instanceof Action.Park park) {
            lastError = park.why().message();
            return timings.parkedPollMs();
        }
        if (a instanceof Action.Done) {
            lastError = null;
            if (state.kind() != StateKind.ONLINE) return timings.activePollMs();
            // A watchdog that checks more often than the poll interval gets its checks on time.
            if (!settings.watchdog() || lastPathCheck < 0) return settings.pollIntervalMs();
            return Math.max(1, Math.min(settings.pollIntervalMs(), lastPathCheck + settings.watchdogIntervalMs() - clock.millis()));
        }
        return timings.activePollMs(); // Wait
    }

    /** A clear "incorrect" (AT {@code +CME ERROR: 16}, QMI IncorrectPin) marks the PIN rejected at once. */
    private void enterPin(ModemControl control, String pin, Snapshot s) {
        SimStatus sim = s.sim().value();
        pinAttempt = new PinAttempt(pin, sim != null ? sim.pinRetries() : null);
        note("enter PIN", "SIM asks for its PIN, " + (sim != null ? sim.pinRetries() : "?") + " tries left");
        if (control.enterPin(pin) == ModemControl.PinResult.REJECTED) rejectPin(pin, s);
    }

    /**
     * A PIN attempt that ended without a clear "incorrect password" (timeout, plain ERROR) still may have cost a
     * try: if the counter went down and the SIM still asks, that PIN was wrong. Never try it again.
     */
    private void noteRejectedPin(Snapshot s) {
        PinAttempt a = pinAttempt;
        SimStatus sim = s.sim().value();
        if (a == null || sim == null) return;
        if (sim.state() == io.ltemodem.model.SimState.READY) {
            pinAttempt = null;
            return;
        }
        boolean counted = a.retriesBefore() != null && sim.pinRetries() != null && sim.pinRetries() < a.retriesBefore();
        if (sim.state() != io.ltemodem.model.SimState.PIN || counted) {
            rejectPin(a.pin(), s);
        }
    }

    private void rejectPin(String pin, Snapshot s) {
        String iccid = s.identity().known() ? s.identity().value().iccid() : null;
        pins.rejected(iccid, pin);
        pinAttempt = null;
        lastError = ErrorCode.PIN_FAILED.message();
        log.warn("{}: the SIM rejected the configured PIN; it will not be sent again until the PIN option changes", modem);
    }

    private long startBearer() {
        long now = clock.millis();
        if (now < bearerRetryAt) return Math.max(1, bearerRetryAt - now);
        note("start bearer", "attached without a data session");
        StepResult r = drivers.plane().start(want);
        if (r.ok()) {
            bearerFailures = 0;
            return 0;
        }
        bearerFailures++;
        lastError = r.message();
        // Do not hammer a network that says no: 2, 4, 8 ... 60 s between tries.
        bearerRetryAt = now + Math.min(60_000, 1_000L << Math.min(6, bearerFailures));
        log.warn("{}: data session failed ({}): {}", modem, bearerFailures, r.message());
        return timings.activePollMs();
    }

    private DataPath verifyDataPath(Snapshot s, DaemonSettings settings) {
        long now = clock.millis();
        boolean due = lastPathCheck < 0 || now - lastPathCheck >= (settings.watchdog() ? settings.watchdogIntervalMs() : settings.pollIntervalMs());
        if (!due && lastPath != null) return lastPath;
        lastPathCheck = now;
        DataPath dp = dataPathCheck.check(drivers.plane().netdev(), s.ipConfig().value());
        lastPath = dp;
        if (dp.ok()) pathFailures = 0;
        else pathFailures++;
        if (!dp.ok()) log.info("{}: data path check failed ({} in a row): {}", modem, pathFailures, dp.detail());
        return dp;
    }

    private void noteIpChange(Snapshot s) {
        IpConfig ip = s.ipConfig().value();
        if (ip != null && lastIp != null && !ip.equals(lastIp)) {
            for (EngineListener l : listeners) l.onIpChanged(modem);
        }
        if (ip != null) lastIp = ip;
    }

    // ---------------------------------------------------------------- stalls and recovery

    private Problem stallProblem(ModemState st, long now) {
        if (st.kind() != stallKind) {
            stallKind = st.kind();
            stallSince = now;
            return null;
        }
        long limit = switch (st.kind()) {
            case NOT_RESPONDING -> timings.notRespondingStallMs();
            case SIM_BUSY -> timings.simBusyStallMs();
            case RADIO_OFF -> timings.radioStallMs();
            case SEARCHING -> timings.searchingStallMs();
            case REGISTERED -> st.error() == null ? timings.attachStallMs() : -1;
            case ATTACHED -> up ? timings.bearerStallMs() : -1;
            case CONNECTING -> up ? timings.ipStallMs() : -1;
            default -> -1;
        };
        if (limit < 0 || now - stallSince < limit) return null;
        stallSince = now;
        return switch (st.kind()) {
            case NOT_RESPONDING -> Problem.NOT_RESPONDING;
            case SIM_BUSY -> Problem.SIM_STUCK;
            case RADIO_OFF -> Problem.RADIO_STUCK;
            case SEARCHING, REGISTERED -> Problem.REGISTRATION_TIMEOUT;
            case CONNECTING -> Problem.NO_IP;
            default -> Problem.BEARER_FAILED;
        };
    }

    private long recover(Problem problem, Snapshot s) {
        Ladder.Decision d = ladder.onProblem(problem, this::possible);
        if (d instanceof Ladder.Step step) return runRecovery(step.level(), problem.name().toLowerCase(Locale.ROOT), s);
        if (d instanceof Ladder.Quarantine q) {
            lastError = ErrorCode.QUARANTINE.message();
            publish(ModemState.failed(StateKind.QUARANTINE, null, ErrorCode.QUARANTINE),
                    problem.name().toLowerCase(Locale.ROOT) + ": " + q.resetsLastHour() + " resets in the last hour", s);
            return Math.max(timings.activePollMs(), Math.min(q.until() - clock.millis(), timings.parkedPollMs()));
        }
        // Backing off: keep taking ordinary steps meanwhile.
        Plan plan = plan(s);
        publish(quarantineAware(plan.state()), reasonFor(plan.action()), s);
        return act(plan.action(), s, daemon);
    }

    private Plan plan(Snapshot s) {
        boolean linkOnly = drivers != null && drivers.usable() && !drivers.control().controlsModem();
        return linkOnly ? Planner.planLinkOnly(s, up) : Planner.plan(s, want, up, pins, initDone);
    }

    /** Whether the drivers can take a recovery step; without drivers only USB and power can, and the ladder knows it. */
    private boolean possible(RecoveryLevel level) {
        return drivers == null || !drivers.usable() || drivers.control().can(level);
    }

    /** {@code level}, or the first one above it that these drivers can take. */
    private RecoveryLevel possibleFrom(RecoveryLevel level) {
        RecoveryLevel l = level;
        while (l != RecoveryLevel.L6_GIVE_UP && !possible(l)) l = l.next();
        return l;
    }

    /** While the reset cap holds, anything short of online is reported as the quarantine it is. */
    private ModemState quarantineAware(ModemState st) {
        if (ladder.quarantined() && st.kind() != StateKind.ONLINE) {
            return ModemState.failed(StateKind.QUARANTINE, null, ErrorCode.QUARANTINE);
        }
        return st;
    }

    private long runRecovery(RecoveryLevel level, String why, Snapshot s) {
        publish(ModemState.of(StateKind.RECOVERING, String.valueOf(level.number())), why, s);
        note("recovery L" + level.number() + " (" + level.wireName() + ")", why);
        stallSince = clock.millis();
        // Without drivers (no modem found yet) only the USB and power levels can do anything.
        boolean bound = drivers != null && drivers.usable();
        ModemControl control = bound ? drivers.control() : null;
        boolean done = switch (level) {
            case L0_REPROBE -> true;
            case L1_SESSION -> {
                if (!bound) yield false;
                drivers.plane().stop(want); // stopping a stopped session is fine; the start decides
                yield drivers.plane().start(want).ok();
            }
            case L2_RADIO -> bound && control.setRadio(false) && control.setRadio(true);
            case L3_MODEM -> bound && recovery.softReset(control, ports);
            case L4_USB -> recovery.usbReset(control, ports);
            case L5_POWER -> recovery.powerCycle(control, ports);
            case L6_GIVE_UP -> {
                log.error("{}: every recovery level failed; giving up for now and retrying slowly", modem);
                yield false;
            }
        };
        if (level.isReset()) forgetModemFacts();
        // The data path verdict was about the session before this step: a restarted one is checked afresh, else the
        // cached failure of the old session would climb the ladder again before the new one is ever looked at.
        lastPathCheck = -1;
        pathFailures = 0;
        if (!done) log.warn("{}: recovery L{} did not complete", modem, level.number());
        return 0;
    }

    // ---------------------------------------------------------------- reporting

    private void note(String action, String reason) {
        lastAction = action;
        long at = clock.millis();
        log.debug("{}: {} ({})", modem, action, reason);
        for (EngineListener l : listeners) l.onAction(modem, action, reason, at);
    }

    private static String reasonFor(Action a) {
        if (a instanceof Action.Wait w) return w.why();
        if (a instanceof Action.Park p) return p.why().message();
        if (a instanceof Action.Done) return "as configured";
        if (a instanceof Action.Init) return "reporting not set up";
        if (a instanceof Action.EnterPin) return "the SIM asks for its PIN";
        if (a instanceof Action.RadioOn) return "the radio is off";
        if (a instanceof Action.DefineContext) return "the PDP context differs from the configuration";
        if (a instanceof Action.Attach) return "not attached";
        if (a instanceof Action.StartBearer) return "no data session";
        if (a instanceof Action.StopBearer) return "a data session that should not be up";
        return a.toString();
    }

    private void publish(ModemState next, String reason, Snapshot s) {
        publish(next, reason, s, null);
    }

    /** @param detail what to report as the error instead of the error code's generic message (null: the generic one) */
    private void publish(ModemState next, String reason, Snapshot s, String detail) {
        long now = clock.millis();
        snapshot = s;
        if (next.error() != null && next.kind() != StateKind.ONLINE) lastError = detail != null ? detail : next.error().message();
        if (!next.equals(state)) {
            ModemState from = state;
            state = next;
            stateSince = now;
            log.info("{}: {} -> {} ({})", modem, from, next, reason);
            StateEvent e = new StateEvent(modem, from, next, reason, now);
            for (EngineListener l : listeners) {
                try {
                    l.onStateChange(e);
                } catch (RuntimeException ex) {
                    log.warn("{}: listener failed: {}", modem, ex.toString());
                }
            }
        }
        boolean bound = drivers != null && drivers.usable();
        status = new ModemStatus(modem, state, stateSince, state.kind() == StateKind.ONLINE ? null : lastError, snapshot,
                bound ? drivers.plane().netdev() : null, bound ? drivers.plane().name() : null, ladder.currentLevel(),
                ladder.attempts(), lastAction, ladder.resetsLastHour());
    }
}

package io.ltemodem.sim;

import io.ltemodem.sim.ModemEvent.Booted;
import io.ltemodem.sim.ModemEvent.Detached;
import io.ltemodem.sim.ModemEvent.PdpActivated;
import io.ltemodem.sim.ModemEvent.PdpDeactivated;
import io.ltemodem.sim.ModemEvent.PoweredDown;
import io.ltemodem.sim.ModemEvent.RegistrationChanged;
import io.ltemodem.sim.ModemEvent.SimChanged;
import io.ltemodem.sim.ModemEvent.UsbAttached;
import io.ltemodem.sim.ModemEvent.UsbDetached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of one simulated modem: power, SIM card, radio, registration, packet attach, PDP contexts, signal.
 * It knows no protocol: ports (AT today, QMI/MBIM later) read and drive it and turn its {@link ModemEvent}s into
 * their own notifications. Thread-safe: every method holds the model's monitor; listeners are called under it.
 *
 * <p>What survives a power cycle is what lives on the SIM card (PIN, retry counters) or in the module's NV memory
 * (PDP context definitions); everything else (registration, attach, active contexts, the SIM's unlock) starts
 * over on every boot, as on a real module.
 */
public final class ModemModel {
    private static final Logger log = LoggerFactory.getLogger(ModemModel.class);

    public static final int MAX_CID = 15;
    private static final Set<String> PDP_TYPES = Set.of("IP", "IPV6", "IPV4V6");

    /** One PDP context; mutable, guarded by the model. */
    private static final class Context {
        final int cid;
        String type;
        String apn;
        boolean active;
        boolean ipLost;
        boolean trafficDropped;
        Inet4Address v4;
        Inet6Address v6;

        Context(int cid, String type, String apn) {
            this.cid = cid;
            this.type = type;
            this.apn = apn;
        }
    }

    private final SimConfig cfg;
    private final Persona persona;
    private final SimScheduler scheduler;
    private final Random random;
    private final List<ModemListener> listeners = new CopyOnWriteArrayList<>();

    // Power. `life` changes on every power transition, so timers of an earlier life do nothing.
    private PowerState power = PowerState.OFF;
    private long life;
    private boolean usbPresent;

    // The SIM card: survives power cycles.
    private boolean simInserted;
    private boolean pinEnabled;
    private String pin;
    private final String puk;
    private int pinLeft;
    private int pukLeft;
    private final int pinMax;
    private final int pukMax;

    // The SIM as the running firmware sees it.
    private SimCardState simLock = SimCardState.READY;
    private boolean simInitialising;
    private boolean simBusy;
    private long simBusyToken;

    // Radio and network.
    private int cfun;
    private int copsMode;
    private boolean coverage = true;
    private Registration outcome;
    private NetworkConfig network;
    private RadioSignal signal;
    private final EnumMap<RegDomain, Registration> registration = new EnumMap<>(RegDomain.class);
    private long registrationToken;
    private boolean attached;
    private boolean attachWanted;
    private final TreeMap<Integer, Context> contexts = new TreeMap<>();

    // Observations for tests.
    private int pinAttempts;
    private int pukAttempts;
    private int resetCount;
    private int bootCount;

    ModemModel(SimConfig cfg, SimScheduler scheduler) {
        this.cfg = cfg;
        this.persona = cfg.persona();
        this.scheduler = scheduler;
        this.random = new Random(cfg.seed());
        this.pin = cfg.pin();
        this.puk = cfg.puk();
        this.pinMax = cfg.pinRetries();
        this.pukMax = cfg.pukRetries();
        this.pinLeft = pinMax;
        this.pukLeft = pukMax;
        this.outcome = cfg.registrationOutcome();
        this.network = cfg.network();
        this.signal = cfg.signal();
        switch (cfg.initialSim()) {
            case ABSENT -> simInserted = false;
            case READY -> simInserted = true;
            case PIN -> {
                simInserted = true;
                pinEnabled = true;
            }
            case PUK -> {
                simInserted = true;
                pinEnabled = true;
                pinLeft = 0;
            }
            case BLOCKED -> {
                simInserted = true;
                pinEnabled = true;
                pinLeft = 0;
                pukLeft = 0;
            }
            case BUSY -> throw new IllegalArgumentException("a SIM is busy only for a while: use simBusyAfterBootMillis");
        }
        for (RegDomain d : RegDomain.values()) registration.put(d, Registration.NOT_REGISTERED);
        contexts.put(1, new Context(1, cfg.defaultPdpType(), cfg.defaultApn()));
    }

    public Persona persona() {
        return persona;
    }

    public void addListener(ModemListener l) {
        listeners.add(l);
    }

    public void removeListener(ModemListener l) {
        listeners.remove(l);
    }

    private void emit(ModemEvent e) {
        log.debug("{}: {}", cfg.name(), e);
        for (ModemListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                log.warn("listener failed on {}", e, ex);
            }
        }
    }

    /** Runs {@code r} under the model's monitor after {@code ms}, unless the power state moved on meanwhile. */
    private void later(long ms, Runnable r) {
        long token = life;
        scheduler.schedule(ms, () -> {
            synchronized (ModemModel.this) {
                if (life == token) r.run();
            }
        });
    }

    // ---------------------------------------------------------------- power

    public synchronized PowerState power() {
        return power;
    }

    /** True while the USB device (and so its ports) exists. */
    public synchronized boolean usbPresent() {
        return usbPresent;
    }

    /** Applies power (the board's power line, or the test's hand): the module boots. No effect unless OFF. */
    public synchronized void powerOn() {
        if (power == PowerState.OFF) startBoot();
    }

    /** Cuts power at once, like pulling the plug: no last words, the port just disappears. */
    public synchronized void powerOff() {
        if (power != PowerState.OFF) cutPower(false);
    }

    private void startBoot() {
        power = PowerState.BOOTING;
        life++;
        bootCount++;
        later(cfg.usbEnumerationMillis(), () -> {
            usbPresent = true;
            emit(new UsbAttached(true));
        });
        later(cfg.bootMillis(), this::bootComplete);
    }

    private void bootComplete() {
        power = PowerState.ON;
        cfun = cfg.bootCfun();
        copsMode = 0;
        attachWanted = true;
        simBusy = false;
        simLock = cardState();
        simInitialising = simInserted && cfg.simBusyAfterBootMillis() > 0;
        emit(new Booted(simState()));
        if (simInitialising) {
            later(cfg.simBusyAfterBootMillis(), () -> {
                simInitialising = false;
                emit(new SimChanged(simState()));
                updateRegistration();
            });
        }
        updateRegistration();
    }

    /** Firmware-initiated reboot: the reset commands ({@code AT+CFUN=1,1} ...) after their OK, or a crash. */
    public synchronized boolean reboot(boolean spontaneous) {
        if (power != PowerState.ON && power != PowerState.BOOTING) return false;
        resetCount++;
        power = PowerState.BOOTING; // stops answering at once
        life++;
        forgetVolatileState();
        later(spontaneous ? 0 : cfg.resetDetachMillis(), () -> {
            detachUsb(!spontaneous);
            startBoot();
        });
        return true;
    }

    /**
     * The vendor power-down ({@code AT+QPOWD}): log off for a while, announce, lose power. The board may re-power
     * the module ({@code boardRepowers}); otherwise it stays off until {@link #powerOn()}.
     */
    public synchronized boolean powerDown(boolean immediate) {
        if (power != PowerState.ON) return false;
        power = PowerState.POWERING_DOWN;
        life++;
        forgetVolatileState();
        later(immediate ? cfg.immediatePowerDownMillis() : persona.powerDownMillis(), () -> {
            emit(new PoweredDown());
            cutPower(true);
            if (cfg.boardRepowers()) later(cfg.repowerDelayMillis(), this::startBoot);
        });
        return true;
    }

    private void cutPower(boolean graceful) {
        power = PowerState.OFF;
        life++;
        forgetVolatileState();
        detachUsb(graceful);
    }

    private void detachUsb(boolean graceful) {
        if (!usbPresent) return;
        usbPresent = false;
        emit(new UsbDetached(graceful));
    }

    /** The USB device drops off the bus and comes back after {@code goneMillis}; the firmware keeps running. */
    public synchronized boolean usbGlitch(long goneMillis) {
        if (!usbPresent) return false;
        detachUsb(false);
        later(goneMillis, () -> {
            usbPresent = true;
            emit(new UsbAttached(power == PowerState.BOOTING));
        });
        return true;
    }

    /** A new life starts from scratch: nothing of this is announced, the ports are going away anyway. */
    private void forgetVolatileState() {
        registrationToken++;
        simBusyToken++;
        for (RegDomain d : RegDomain.values()) registration.put(d, Registration.NOT_REGISTERED);
        attached = false;
        for (Context c : contexts.values()) clear(c);
    }

    // ---------------------------------------------------------------- SIM

    private SimCardState cardState() {
        if (!simInserted) return SimCardState.ABSENT;
        if (pukLeft == 0) return SimCardState.BLOCKED;
        if (pinLeft == 0) return SimCardState.PUK;
        return pinEnabled ? SimCardState.PIN : SimCardState.READY;
    }

    /** What {@code AT+CPIN?} reports now. */
    public synchronized SimCardState simState() {
        if (!simInserted) return SimCardState.ABSENT;
        if (simInitialising || simBusy) return SimCardState.BUSY;
        return simLock;
    }

    public synchronized int pinRetriesLeft() {
        return pinLeft;
    }

    public synchronized int pukRetriesLeft() {
        return pukLeft;
    }

    /** Tries a fresh card (or a correct PIN) gives: the reset value of the PIN counter. */
    public int pinRetriesMax() {
        return pinMax;
    }

    public int pukRetriesMax() {
        return pukMax;
    }

    public synchronized boolean pinEnabled() {
        return pinEnabled;
    }

    /** How many times a PIN was checked (right or wrong), since the simulator was built. */
    public synchronized int pinAttempts() {
        return pinAttempts;
    }

    public synchronized int pukAttempts() {
        return pukAttempts;
    }

    public String iccid() {
        return cfg.iccid();
    }

    public String imsi() {
        return cfg.imsi();
    }

    /** Refuses with the error a real modem gives when the SIM cannot be used right now. */
    private void requireSimAccessible() throws ModemFailureException {
        switch (simState()) {
            case ABSENT -> throw new ModemFailureException(ModemFailure.SIM_NOT_INSERTED);
            case BUSY -> throw new ModemFailureException(ModemFailure.SIM_BUSY);
            case BLOCKED -> throw new ModemFailureException(ModemFailure.SIM_FAILURE);
            default -> {
            }
        }
    }

    /** Refuses unless the SIM is unlocked (for IMSI and the like). */
    public synchronized void requireSimReady() throws ModemFailureException {
        requireSimAccessible();
        if (simLock == SimCardState.PIN) throw new ModemFailureException(ModemFailure.SIM_PIN_REQUIRED);
        if (simLock == SimCardState.PUK) throw new ModemFailureException(ModemFailure.SIM_PUK_REQUIRED);
    }

    /** Refuses when the card cannot be read at all (absent, busy); a locked or blocked card still tells its ICCID. */
    public synchronized void requireSimReadable() throws ModemFailureException {
        SimCardState s = simState();
        if (s == SimCardState.ABSENT) throw new ModemFailureException(ModemFailure.SIM_NOT_INSERTED);
        if (s == SimCardState.BUSY) throw new ModemFailureException(ModemFailure.SIM_BUSY);
    }

    /** {@code AT+CPIN=<pin>}: right → READY; wrong → one try less, the last one → PUK. */
    public synchronized void enterPin(String value) throws ModemFailureException {
        requireSimAccessible();
        switch (simLock) {
            case READY -> throw new ModemFailureException(ModemFailure.NOT_ALLOWED);
            case PUK -> throw new ModemFailureException(ModemFailure.SIM_PUK_REQUIRED);
            default -> {
            }
        }
        if (!verifyPin(value)) throw new ModemFailureException(ModemFailure.INCORRECT_PASSWORD);
        unlock();
    }

    /** Checks a PIN, counting the try: right resets the counter; wrong costs one, and the last one locks to PUK. */
    private boolean verifyPin(String value) {
        pinAttempts++;
        if (value.equals(pin)) {
            pinLeft = pinMax;
            return true;
        }
        pinLeft--;
        if (pinLeft == 0) {
            simLock = SimCardState.PUK;
            emit(new SimChanged(SimCardState.PUK));
            updateRegistration();
        }
        return false;
    }

    private void unlock() {
        simLock = SimCardState.READY;
        emit(new SimChanged(SimCardState.READY));
        updateRegistration();
    }

    /** {@code AT+CPIN=<puk>,<newpin>} while the SIM wants the PUK: right → new PIN, READY; wrong → one try less. */
    public synchronized void enterPuk(String pukValue, String newPin) throws ModemFailureException {
        requireSimAccessible();
        if (simLock == SimCardState.PIN) {
            enterPin(pukValue); // 27.007: with only the PIN pending, the first parameter is the PIN
            return;
        }
        if (simLock != SimCardState.PUK) throw new ModemFailureException(ModemFailure.NOT_ALLOWED);
        if (newPin == null || !newPin.matches("[0-9]{4,8}")) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        pukAttempts++;
        if (pukValue.equals(puk)) {
            pin = newPin;
            pinLeft = pinMax;
            pukLeft = pukMax;
            unlock();
            return;
        }
        pukLeft--;
        if (pukLeft == 0) {
            simLock = SimCardState.BLOCKED;
            emit(new SimChanged(SimCardState.BLOCKED));
        }
        throw new ModemFailureException(ModemFailure.INCORRECT_PASSWORD);
    }

    /** {@code AT+CLCK="SC",<0|1>,<pin>}: switches the PIN request on or off; the PIN is checked (and counted). */
    public synchronized void setPinEnabled(boolean enable, String value) throws ModemFailureException {
        requireSimReady();
        if (!verifyPin(value)) throw new ModemFailureException(ModemFailure.INCORRECT_PASSWORD);
        pinEnabled = enable;
    }

    /** Fault: the SIM answers "busy" for {@code ms}, then returns to what it was (announced again). */
    public synchronized void simBusyFor(long ms) {
        if (!simInserted || power != PowerState.ON) return;
        simBusy = true;
        long token = ++simBusyToken;
        later(ms, () -> {
            if (token != simBusyToken) return;
            simBusy = false;
            emit(new SimChanged(simState()));
        });
    }

    /** Fault: the card is pulled. The network drops the modem; {@code AT+CPIN?} → SIM not inserted. */
    public synchronized void removeSim() {
        if (!simInserted) return;
        simInserted = false;
        simBusy = false;
        simInitialising = false;
        simLock = SimCardState.ABSENT;
        if (power == PowerState.ON) {
            emit(new SimChanged(SimCardState.ABSENT));
            updateRegistration();
        }
    }

    /** The card is put back: it asks for its PIN again if the PIN is enabled. */
    public synchronized void insertSim() {
        if (simInserted) return;
        simInserted = true;
        simLock = cardState();
        if (power == PowerState.ON) {
            emit(new SimChanged(simLock));
            updateRegistration();
        }
    }

    // ---------------------------------------------------------------- radio and registration

    public synchronized int cfun() {
        return cfun;
    }

    /** {@code AT+CFUN=<0|1|4>}: radio off (0 minimum, 4 flight mode) or on. */
    public synchronized void setCfun(int fun) throws ModemFailureException {
        if (fun != 0 && fun != 1 && fun != 4) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        cfun = fun;
        updateRegistration();
    }

    public synchronized Registration registration(RegDomain domain) {
        return registration.get(domain);
    }

    /** The EPS (LTE) registration: what counts for data. */
    public synchronized Registration registration() {
        return registration.get(RegDomain.EPS);
    }

    public synchronized int copsMode() {
        return copsMode;
    }

    /** {@code AT+COPS=<mode>}: 0 (and 1, 4: there is one network) register automatically, 2 deregister. */
    public synchronized void setCopsMode(int mode) throws ModemFailureException {
        if (mode < 0 || mode > 4 || mode == 3) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        copsMode = mode == 2 ? 2 : 0;
        if (copsMode == 0 && registration() == Registration.DENIED && canRegister()) {
            setRegistration(Registration.SEARCHING); // a new attempt
            scheduleOutcome();
        }
        updateRegistration();
    }

    public synchronized Registration registrationOutcome() {
        return outcome;
    }

    /** Where registration ends: HOME, ROAMING or DENIED. Applies at once if registration already ended. */
    public synchronized void setRegistrationOutcome(Registration r) {
        if (r != Registration.HOME && r != Registration.ROAMING && r != Registration.DENIED) {
            throw new IllegalArgumentException("outcome must be HOME, ROAMING or DENIED: " + r);
        }
        outcome = r;
        Registration now = registration();
        if ((now.registered() || now == Registration.DENIED) && now != r) {
            if (!r.registered() && attached) detach(true);
            applyOutcome();
        }
    }

    public synchronized boolean coverage() {
        return coverage;
    }

    /** Fault: the cell is gone. Registered modems fall back to searching and lose their packet attach. */
    public synchronized void loseCoverage() {
        coverage = false;
        registrationToken++;
        Registration now = registration();
        if (now.registered() || now == Registration.DENIED) {
            if (attached) detach(true);
            setRegistration(Registration.SEARCHING);
        }
    }

    /** The cell is back: a searching modem registers at once. */
    public synchronized void restoreCoverage() {
        coverage = true;
        if (canRegister() && registration() == Registration.SEARCHING) applyOutcome();
    }

    private boolean canRegister() {
        return power == PowerState.ON && cfun == 1 && copsMode != 2 && simInserted && !simInitialising
                && simLock == SimCardState.READY;
    }

    /** Level-triggered: brings registration in line with radio, SIM and operator selection. */
    private void updateRegistration() {
        if (!canRegister()) {
            registrationToken++;
            if (registration() != Registration.NOT_REGISTERED) {
                if (attached) detach(false);
                setRegistration(Registration.NOT_REGISTERED);
            }
            return;
        }
        if (registration() == Registration.NOT_REGISTERED) {
            setRegistration(Registration.SEARCHING);
            scheduleOutcome();
        }
    }

    private void scheduleOutcome() {
        long token = ++registrationToken;
        later(cfg.registrationDelayMillis(), () -> {
            if (token == registrationToken && coverage && canRegister() && registration() == Registration.SEARCHING) {
                applyOutcome();
            }
        });
    }

    private void applyOutcome() {
        setRegistration(outcome);
        if (outcome.registered() && attachWanted) attach();
    }

    private void setRegistration(Registration r) {
        for (RegDomain d : RegDomain.values()) {
            Registration v = d == RegDomain.CS && !persona.csRegistration() ? Registration.NOT_REGISTERED : r;
            if (registration.put(d, v) != v) emit(new RegistrationChanged(d, v));
        }
    }

    public synchronized NetworkConfig network() {
        return network;
    }

    public synchronized void setNetwork(NetworkConfig n) {
        network = n;
    }

    public synchronized RadioSignal signal() {
        return signal;
    }

    public synchronized void setSignal(RadioSignal s) {
        signal = s;
    }

    // ---------------------------------------------------------------- packet domain

    public synchronized boolean attached() {
        return attached;
    }

    /** {@code AT+CGATT=<0|1>}. Attaching needs a registration; detaching drops every context. */
    public synchronized void setAttached(boolean attach) throws ModemFailureException {
        attachWanted = attach;
        if (attach) {
            if (attached) return;
            if (!registration().registered()) throw new ModemFailureException(ModemFailure.NO_NETWORK_SERVICE);
            attach();
        } else if (attached) {
            detach(false);
        }
    }

    private void attach() {
        if (attached) return;
        attached = true;
        Context c = contexts.get(1);
        if (cfg.autoActivateDefaultBearer() && c != null) {
            try {
                activate(c, false);
            } catch (ModemFailureException e) {
                log.debug("{}: default bearer not activated: {}", cfg.name(), e.failure());
            }
        }
    }

    private void detach(boolean byNetwork) {
        attached = false;
        for (Context c : contexts.values()) clear(c);
        emit(new Detached(byNetwork));
    }

    /** {@code AT+CGDCONT=<cid>,<type>,<apn>}. A change to an active context applies at its next activation. */
    public synchronized void defineContext(int cid, String pdpType, String apn) throws ModemFailureException {
        checkCid(cid);
        String type = pdpType == null ? "IP" : pdpType.toUpperCase(Locale.ROOT);
        if (!PDP_TYPES.contains(type)) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        String a = apn == null ? "" : apn;
        Context c = contexts.get(cid);
        if (c == null) {
            contexts.put(cid, new Context(cid, type, a));
        } else {
            c.type = type;
            c.apn = a;
        }
    }

    /** {@code AT+CGDCONT=<cid>}: forgets the definition (deactivating it first). */
    public synchronized void undefineContext(int cid) throws ModemFailureException {
        checkCid(cid);
        Context c = contexts.remove(cid);
        if (c != null && c.active) {
            String v4 = c.v4 == null ? null : c.v4.getHostAddress();
            clear(c);
            emit(new PdpDeactivated(cid, false, c.type, v4));
        }
    }

    /** {@code AT+CGACT=1,<cid>}: needs registration (attaches if needed) and, if the network insists, its APN. */
    public synchronized void activate(int cid) throws ModemFailureException {
        checkCid(cid);
        Context c = contexts.get(cid);
        if (c == null) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        activate(c, false);
    }

    private void activate(Context c, boolean byNetwork) throws ModemFailureException {
        if (c.active) return;
        if (!registration().registered()) throw new ModemFailureException(ModemFailure.NO_NETWORK_SERVICE);
        String required = cfg.requiredApn();
        if (required != null && !c.apn.equalsIgnoreCase(required)) throw new ModemFailureException(ModemFailure.UNKNOWN_APN);
        if (!attached) {
            attachWanted = true;
            attached = true;
        }
        c.active = true;
        c.ipLost = false;
        c.trafficDropped = false;
        c.v4 = c.type.equals("IPV6") ? null : randomIpv4();
        c.v6 = c.type.equals("IP") ? null : randomIpv6();
        emit(new PdpActivated(c.cid, byNetwork));
    }

    /** {@code AT+CGACT=0,<cid>}. */
    public synchronized void deactivate(int cid) throws ModemFailureException {
        checkCid(cid);
        Context c = contexts.get(cid);
        if (c == null) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
        if (!c.active) return;
        String v4 = c.v4 == null ? null : c.v4.getHostAddress();
        clear(c);
        emit(new PdpDeactivated(cid, false, c.type, v4));
    }

    /** Fault: the network tears the context down (announced as {@code +CGEV: NW ... DEACT}). */
    public synchronized boolean networkDeactivate(int cid) {
        Context c = contexts.get(cid);
        if (c == null || !c.active) return false;
        String v4 = c.v4 == null ? null : c.v4.getHostAddress();
        clear(c);
        emit(new PdpDeactivated(cid, true, c.type, v4));
        return true;
    }

    /** Fault "bearer up but IP lost": the context stays active but the modem has no address for it. */
    public synchronized boolean loseIp(int cid) {
        Context c = contexts.get(cid);
        if (c == null || !c.active) return false;
        c.ipLost = true;
        return true;
    }

    /**
     * Fault "the session lies": the context stays active with its address, every query says connected, but the
     * network passes no traffic (a stalled firmware or a session the network dropped without telling). It lasts
     * until the context is deactivated; only a check of the data path itself notices.
     */
    public synchronized boolean dropTraffic(int cid) {
        Context c = contexts.get(cid);
        if (c == null || !c.active) return false;
        c.trafficDropped = true;
        return true;
    }

    private static void clear(Context c) {
        c.active = false;
        c.ipLost = false;
        c.trafficDropped = false;
        c.v4 = null;
        c.v6 = null;
    }

    private static void checkCid(int cid) throws ModemFailureException {
        if (cid < 1 || cid > MAX_CID) throw new ModemFailureException(ModemFailure.INVALID_PARAMETERS);
    }

    public synchronized List<PdpContextInfo> contexts() {
        List<PdpContextInfo> out = new ArrayList<>();
        for (Context c : contexts.values()) out.add(info(c));
        return out;
    }

    public synchronized PdpContextInfo context(int cid) {
        Context c = contexts.get(cid);
        return c == null ? null : info(c);
    }

    /** Ids of the active contexts. */
    public synchronized List<Integer> activeContexts() {
        List<Integer> out = new ArrayList<>();
        for (Context c : contexts.values()) if (c.active) out.add(c.cid);
        return out;
    }

    private PdpContextInfo info(Context c) {
        boolean v4 = c.active && c.v4 != null;
        boolean v6 = c.active && c.v6 != null;
        return new PdpContextInfo(c.cid, c.type, c.apn, c.active ? (c.apn.isEmpty() ? network.networkApn() : c.apn) : null,
                c.active, c.active ? 4 + c.cid : 0, c.v4, 24, v4 ? gatewayOf(c.v4) : null, c.v6,
                v4 ? List.of(ipv4("10.74.210.210"), ipv4("10.74.210.211")) : List.of(),
                v6 ? List.of(ipv6("2001:db8:53::1"), ipv6("2001:db8:53::2")) : List.of(), cfg.mtu(), c.ipLost, c.trafficDropped);
    }

    private Inet4Address randomIpv4() {
        return (Inet4Address) address(new byte[]{10, (byte) (64 + random.nextInt(64)), (byte) random.nextInt(256),
                (byte) (2 + random.nextInt(252))});
    }

    private Inet6Address randomIpv6() {
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x01;
        b[2] = 0x0d;
        b[3] = (byte) 0xb8;
        for (int i = 4; i < 8; i++) b[i] = (byte) random.nextInt(256);
        for (int i = 8; i < 16; i++) b[i] = (byte) random.nextInt(256);
        return (Inet6Address) address(b);
    }

    private static Inet4Address gatewayOf(Inet4Address a) {
        byte[] b = a.getAddress();
        b[3] = 1;
        return (Inet4Address) address(b);
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inet4Address ipv4(String literal) {
        return (Inet4Address) literalAddress(literal);
    }

    private static Inet6Address ipv6(String literal) {
        return (Inet6Address) literalAddress(literal);
    }

    private static InetAddress literalAddress(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    // ---------------------------------------------------------------- observations

    /** Reboots since the simulator was built (reset commands, spontaneous reboots). */
    public synchronized int resetCount() {
        return resetCount;
    }

    /** Boots since the simulator was built (power-ons and reboots). */
    public synchronized int bootCount() {
        return bootCount;
    }
}

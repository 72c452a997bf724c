package io.ltemodem.sim.qmi;

import io.ltemodem.model.Rat;
import io.ltemodem.sys.Clock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link QmiModemModel} for tests and demos. Defaults are the modem of the reference transcripts
 * (qmicli-uqmi-transcripts.txt): USIM ready with PIN1 disabled, online, registered on LTE at 262-01
 * "Telekom.de", raw-ip, first session handle 305419896 with 10.123.45.67/29.
 *
 * <p>Time goes through the injected {@link Clock}: after power-on or a reset the modem searches for
 * {@link #registerDelayMs(long)} before it registers.
 */
public final class SimpleQmiModel implements QmiModemModel {
    private final Clock clock;

    private String imei = "867962041234567";
    // SIM
    private CardState card = CardState.PRESENT;
    private boolean uimInitializing;
    private String pin = "1234";
    private boolean pinEnabled;
    private boolean pinVerified;
    private int pinRetries = 3;
    private int pukRetries = 10;
    private int pinAttempts;
    // power and network
    private Power power = Power.ONLINE;
    private RegState forcedRegistration;
    private long registerDelayMs;
    private long searchingUntil;
    private boolean roaming;
    private Rat rat = Rat.LTE;
    private int mcc = 262;
    private int mnc = 1;
    private boolean threeDigitMnc;
    private String operatorName = "Telekom.de";
    private SignalLevels signal = new SignalLevels(Rat.LTE, -65, -9, -95, 120);
    private boolean psDetached;
    // data
    private String expectedApn;
    private String expectedUser;
    private String expectedPassword;
    private Failed nextStartFailure;
    private long nextHandle = 305419896L;
    private final Map<Long, IpFamily> sessions = new HashMap<>();
    private int sessionsStarted;
    private IpSettings ipv4 = new IpSettings(IpFamily.V4, "10.123.45.67", 29, "10.123.45.68",
            List.of("10.74.210.210", "10.74.210.211"), 1500);
    private IpSettings ipv6 = new IpSettings(IpFamily.V6, "2001:db8:1234:5678::1", 64, "2001:db8:1234:5678::2",
            List.of("2001:db8::53", "2001:db8::54"), 1500);
    private LinkLayer linkLayer = LinkLayer.RAW_IP;
    private boolean rawIpOnly;
    private int resets;

    public SimpleQmiModel(Clock clock) {
        this.clock = clock;
    }

    // ---- configuration (tests) ----

    public synchronized SimpleQmiModel imei(String v) {
        imei = v;
        return this;
    }

    /** PIN1 enabled with {@code pin}: the SIM asks for it after every reset. */
    public synchronized SimpleQmiModel requirePin(String pin) {
        this.pin = pin;
        pinEnabled = true;
        pinVerified = false;
        return this;
    }

    public synchronized SimpleQmiModel pinRetries(int pin, int puk) {
        pinRetries = pin;
        pukRetries = puk;
        return this;
    }

    public synchronized SimpleQmiModel simAbsent() {
        card = CardState.ABSENT;
        return this;
    }

    public synchronized SimpleQmiModel simPresent() {
        card = CardState.PRESENT;
        return this;
    }

    public synchronized SimpleQmiModel uimInitializing(boolean v) {
        uimInitializing = v;
        return this;
    }

    /** Overrides what the network does: SEARCHING forever, DENIED, ...; null = normal behaviour. */
    public synchronized SimpleQmiModel registration(RegState forced) {
        forcedRegistration = forced;
        return this;
    }

    public synchronized SimpleQmiModel registerDelayMs(long ms) {
        registerDelayMs = ms;
        return this;
    }

    public synchronized SimpleQmiModel roaming(boolean v) {
        roaming = v;
        return this;
    }

    public synchronized SimpleQmiModel psDetached(boolean v) {
        psDetached = v;
        return this;
    }

    public synchronized SimpleQmiModel network(int mcc, int mnc, boolean threeDigitMnc, String name, Rat rat) {
        this.mcc = mcc;
        this.mnc = mnc;
        this.threeDigitMnc = threeDigitMnc;
        this.operatorName = name;
        this.rat = rat;
        return this;
    }

    public synchronized SimpleQmiModel signal(SignalLevels v) {
        signal = v;
        return this;
    }

    /** Only this APN connects (others fail with 3GPP cause 27 unknown APN); null accepts any. */
    public synchronized SimpleQmiModel expectApn(String apn) {
        expectedApn = apn;
        return this;
    }

    /** Only these credentials connect (others fail with 3GPP cause 29); null accepts any. */
    public synchronized SimpleQmiModel expectCredentials(String user, String password) {
        expectedUser = user;
        expectedPassword = password;
        return this;
    }

    /** The next start fails with these reasons (once). */
    public synchronized SimpleQmiModel failNextStart(int callEndReason, Integer verboseType, Integer verboseReason) {
        nextStartFailure = new Failed(callEndReason, verboseType, verboseReason);
        return this;
    }

    public synchronized SimpleQmiModel ipv4(IpSettings v) {
        ipv4 = v;
        return this;
    }

    public synchronized SimpleQmiModel ipv6(IpSettings v) {
        ipv6 = v;
        return this;
    }

    public synchronized SimpleQmiModel linkLayerNow(LinkLayer v) {
        linkLayer = v;
        return this;
    }

    /** The modem refuses 802.3 (many current modules). */
    public synchronized SimpleQmiModel rawIpOnly(boolean v) {
        rawIpOnly = v;
        if (v) linkLayer = LinkLayer.RAW_IP;
        return this;
    }

    /** The network ends every session (a deactivation the host did not ask for). */
    public synchronized void dropAllSessions() {
        sessions.clear();
    }

    // ---- observation (tests) ----

    public synchronized int activeSessions() {
        return sessions.size();
    }

    public synchronized int sessionsStarted() {
        return sessionsStarted;
    }

    public synchronized int pinAttempts() {
        return pinAttempts;
    }

    public synchronized int resets() {
        return resets;
    }

    // ---- QmiModemModel ----

    @Override
    public synchronized String imei() {
        return imei;
    }

    @Override
    public synchronized Sim sim() {
        if (card != CardState.PRESENT) return new Sim(card, false, AppState.UNKNOWN, PinState.NOT_INITIALIZED, 0, 0);
        return new Sim(card, uimInitializing, appState(), pinState(), pinRetries, pukRetries);
    }

    private AppState appState() {
        if (pinRetries == 0) return pukRetries == 0 ? AppState.ILLEGAL : AppState.PUK_REQUIRED;
        if (pinEnabled && !pinVerified) return AppState.PIN_REQUIRED;
        return AppState.READY;
    }

    private PinState pinState() {
        if (pinRetries == 0) return pukRetries == 0 ? PinState.PERMANENTLY_BLOCKED : PinState.BLOCKED;
        if (!pinEnabled) return PinState.DISABLED;
        return pinVerified ? PinState.ENABLED_VERIFIED : PinState.ENABLED_NOT_VERIFIED;
    }

    private boolean simReady() {
        return card == CardState.PRESENT && !uimInitializing && appState() == AppState.READY;
    }

    @Override
    public synchronized PinOutcome verifyPin(String given) {
        if (card != CardState.PRESENT || uimInitializing) return new UimNotReady();
        if (pinRetries == 0) return new PinBlocked(pukRetries);
        pinAttempts++;
        if (pin.equals(given)) {
            pinRetries = 3;
            pinVerified = true;
            searchingUntil = clock.millis() + registerDelayMs;
            return new Verified(pinRetries, pukRetries);
        }
        pinRetries--;
        return new IncorrectPin(pinRetries, pukRetries);
    }

    @Override
    public synchronized Power power() {
        return power;
    }

    @Override
    public synchronized boolean setPower(Power p) {
        if (p == Power.ONLINE && power != Power.ONLINE) searchingUntil = clock.millis() + registerDelayMs;
        if (p != Power.ONLINE) sessions.clear();
        power = p;
        return true;
    }

    @Override
    public synchronized void reset() {
        resets++;
        sessions.clear();
        pinVerified = false;
        power = Power.ONLINE;
        searchingUntil = clock.millis() + registerDelayMs;
        if (!rawIpOnly) linkLayer = LinkLayer.IEEE_802_3;
    }

    @Override
    public synchronized Serving serving() {
        RegState reg = registrationNow();
        boolean registered = reg == RegState.REGISTERED;
        boolean showPlmn = registered || reg == RegState.DENIED;
        return new Serving(reg, registered, registered && !psDetached, showPlmn ? rat : null, registered && roaming,
                showPlmn ? mcc : 0, showPlmn ? mnc : 0, threeDigitMnc, showPlmn ? operatorName : null,
                171, 1715004L, 4660);
    }

    private RegState registrationNow() {
        if (power != Power.ONLINE || !simReady()) return RegState.NOT_REGISTERED;
        if (forcedRegistration != null) return forcedRegistration;
        return clock.millis() < searchingUntil ? RegState.SEARCHING : RegState.REGISTERED;
    }

    @Override
    public synchronized SignalLevels signal() {
        return power == Power.ONLINE && registrationNow() != RegState.NOT_REGISTERED ? signal : null;
    }

    @Override
    public synchronized SessionStart startSession(SessionRequest r) {
        if (nextStartFailure != null) {
            Failed f = nextStartFailure;
            nextStartFailure = null;
            return f;
        }
        if (!simReady() || power != Power.ONLINE || registrationNow() != RegState.REGISTERED || psDetached) {
            return new Failed(3, null, null); // generic no-service
        }
        if (expectedApn != null && !expectedApn.equalsIgnoreCase(r.apn() == null ? "" : r.apn())) {
            return new Failed(1, 6, 27); // 3GPP unknown APN
        }
        if (expectedUser != null && (!expectedUser.equals(r.username()) || !expectedPassword.equals(r.password()))) {
            return new Failed(1, 6, 29); // 3GPP user authentication failed
        }
        long h = nextHandle++;
        if (nextHandle == 0xFFFFFFFFL || nextHandle > 0xFFFFFFFFL) nextHandle = 1;
        sessions.put(h, r.family());
        sessionsStarted++;
        return new Started(h);
    }

    @Override
    public synchronized boolean stopSession(long handle) {
        return sessions.remove(handle) != null;
    }

    @Override
    public synchronized boolean sessionActive(long handle) {
        return sessions.containsKey(handle);
    }

    @Override
    public synchronized IpSettings ipSettings(long handle) {
        IpFamily f = sessions.get(handle);
        if (f == null) return null;
        return f == IpFamily.V6 ? ipv6 : ipv4;
    }

    @Override
    public synchronized LinkLayer linkLayer() {
        return linkLayer;
    }

    @Override
    public synchronized LinkLayer setLinkLayer(LinkLayer wanted) {
        if (!rawIpOnly) linkLayer = wanted;
        return linkLayer;
    }
}

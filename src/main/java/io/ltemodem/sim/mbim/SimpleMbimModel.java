package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimIpType;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.PacketServiceState;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.ReadyState;
import io.ltemodem.mbim.RegisterState;
import io.ltemodem.sys.Clock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link MbimModemModel} for tests and demos. Defaults are the modem of the reference transcript
 * (mbimcli-transcript.txt): SIM initialized (IMSI 262011234567890, ICCID 8949020000012345678), radio on, registered
 * home at 26201 "Telekom.de", attached, and a session that gets 10.123.45.67/29 via 10.123.45.68.
 *
 * <p>Time runs on the injected {@link Clock}: after the radio comes on (or a reset) the modem searches for
 * {@link #registerDelayMs(long)} before it registers and attaches.
 */
public final class SimpleMbimModel implements MbimModemModel {
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    // SIM
    private boolean simPresent = true;
    private String imsi = "262011234567890";
    private String iccid = "8949020000012345678";
    private String pinCode = "1234";
    private boolean pinEnabled;
    private boolean unlocked;
    private int pinRetries = 3;
    private int pukRetries = 10;
    private int pinAttempts;
    // radio and network
    private boolean hardwareRadio = true;
    private boolean softwareRadio = true;
    private long registerDelayMs;
    private long searchingUntil;
    private RegisterState forcedRegistration;
    private boolean roaming;
    private String providerId = "26201";
    private String providerName = "Telekom.de";
    private boolean attachWanted = true;
    // data
    private String requiredAccessString;
    private final Map<Integer, MbimIpType> sessions = new HashMap<>();
    private int connects;
    private ConnectRequest lastConnect;
    private IpSettings settings = new IpSettings("10.123.45.67", 29, "10.123.45.68", List.of("10.74.210.210", "10.74.210.211"),
            null, 0, null, List.of(), 1500);
    private IpSettings settingsV6 = new IpSettings(null, 0, null, List.of(),
            "2001:db8:1234:5678::1", 64, "2001:db8:1234:5678::2", List.of("2001:db8::53"), 1500);
    private int resets;

    public SimpleMbimModel(Clock clock) {
        this.clock = clock;
    }

    // ---------------------------------------------------------------- configuration (tests)

    /** PIN1 enabled with {@code pin}: the SIM is locked until it is entered (again after every reset). */
    public synchronized SimpleMbimModel requirePin(String pin) {
        pinCode = pin;
        pinEnabled = true;
        unlocked = false;
        changed(Change.SUBSCRIBER);
        return this;
    }

    public synchronized SimpleMbimModel pinRetries(int pin, int puk) {
        pinRetries = pin;
        pukRetries = puk;
        return this;
    }

    public synchronized SimpleMbimModel simAbsent(boolean absent) {
        simPresent = !absent;
        if (absent) sessions.clear();
        changed(Change.SUBSCRIBER);
        return this;
    }

    public synchronized SimpleMbimModel registerDelayMs(long ms) {
        registerDelayMs = ms;
        return this;
    }

    /** What the network does instead of registering home: SEARCHING forever, DENIED, ...; null = normal. */
    public synchronized SimpleMbimModel registration(RegisterState forced) {
        forcedRegistration = forced;
        if (forced != null && forced != RegisterState.HOME && forced != RegisterState.ROAMING) sessions.clear();
        changed(Change.REGISTRATION);
        return this;
    }

    public synchronized SimpleMbimModel roaming(boolean v) {
        roaming = v;
        return this;
    }

    public synchronized SimpleMbimModel hardwareRadio(boolean on) {
        hardwareRadio = on;
        if (!on) sessions.clear();
        changed(Change.RADIO);
        return this;
    }

    /** Only this access string (APN) connects; others are refused with InvalidAccessString. Null = any. */
    public synchronized SimpleMbimModel requireAccessString(String apn) {
        requiredAccessString = apn;
        return this;
    }

    public synchronized SimpleMbimModel ipv4Settings(IpSettings s) {
        settings = s;
        return this;
    }

    /** Fault: the network ends the session. */
    public synchronized boolean networkDisconnect(int sessionId) {
        boolean was = sessions.remove(sessionId) != null;
        if (was) changed(Change.CONNECTION);
        return was;
    }

    // ---------------------------------------------------------------- observations (tests)

    public synchronized int pinAttempts() {
        return pinAttempts;
    }

    public synchronized int connects() {
        return connects;
    }

    /** The last CONNECT activation asked for (credentials included: tests check they arrived), or null. */
    public synchronized ConnectRequest lastConnect() {
        return lastConnect;
    }

    public synchronized int activeSessions() {
        return sessions.size();
    }

    public synchronized int resets() {
        return resets;
    }

    // ---------------------------------------------------------------- SIM

    private boolean simReady() {
        return simPresent && (!pinEnabled || unlocked) && pinRetries > 0;
    }

    @Override
    public synchronized Subscriber subscriber() {
        if (!simPresent) return new Subscriber(ReadyState.SIM_NOT_INSERTED, null, null);
        if (pukRetries == 0) return new Subscriber(ReadyState.BAD_SIM, null, iccid);
        if (!simReady()) return new Subscriber(ReadyState.DEVICE_LOCKED, null, iccid);
        return new Subscriber(ReadyState.INITIALIZED, imsi, iccid);
    }

    @Override
    public synchronized PinStatus pin() {
        if (!simPresent) return new PinStatus(MbimStatus.SIM_NOT_INSERTED, PinType.UNKNOWN, false, 0);
        if (pinRetries == 0) return new PinStatus(MbimStatus.NONE, PinType.PUK1, true, pukRetries);
        if (pinEnabled && !unlocked) return new PinStatus(MbimStatus.NONE, PinType.PIN1, true, pinRetries);
        return new PinStatus(MbimStatus.NONE, PinType.UNKNOWN, false, 0);
    }

    @Override
    public synchronized PinEntry enterPin(String pin) {
        PinStatus now = pin();
        if (now.status() != MbimStatus.NONE) return new PinEntry(now.status(), now);
        if (now.type() == PinType.PUK1) return new PinEntry(MbimStatus.FAILURE, now);
        if (!now.locked()) return new PinEntry(MbimStatus.PIN_DISABLED, now);
        pinAttempts++;
        if (pin.equals(pinCode)) {
            unlocked = true;
            pinRetries = 3;
            changed(Change.SUBSCRIBER);
            return new PinEntry(MbimStatus.NONE, pin());
        }
        pinRetries--;
        if (pinRetries == 0) changed(Change.SUBSCRIBER);
        return new PinEntry(MbimStatus.FAILURE, pin());
    }

    // ---------------------------------------------------------------- radio and network

    @Override
    public synchronized Radio radio() {
        return new Radio(hardwareRadio, softwareRadio);
    }

    @Override
    public synchronized Radio setRadio(boolean on) {
        if (on && !softwareRadio) searchingUntil = clock.millis() + registerDelayMs;
        if (!on) sessions.clear();
        if (on != softwareRadio) {
            softwareRadio = on;
            changed(Change.RADIO);
        }
        return radio();
    }

    private boolean radioOn() {
        return hardwareRadio && softwareRadio;
    }

    private RegisterState registerState() {
        if (!radioOn() || !simReady()) return RegisterState.DEREGISTERED;
        if (forcedRegistration != null) return forcedRegistration;
        if (clock.millis() < searchingUntil) return RegisterState.SEARCHING;
        return roaming ? RegisterState.ROAMING : RegisterState.HOME;
    }

    private boolean registered() {
        RegisterState s = registerState();
        return s == RegisterState.HOME || s == RegisterState.ROAMING || s == RegisterState.PARTNER;
    }

    @Override
    public synchronized Registration registration() {
        RegisterState s = registerState();
        boolean named = s == RegisterState.HOME || s == RegisterState.ROAMING || s == RegisterState.PARTNER || s == RegisterState.DENIED;
        return new Registration(s, s == RegisterState.DENIED ? 111 : 0, named ? providerId : "", named ? providerName : "");
    }

    @Override
    public synchronized Registration registerAutomatic() {
        return registration();
    }

    @Override
    public synchronized PacketServiceState packetService() {
        return registered() && attachWanted ? PacketServiceState.ATTACHED : PacketServiceState.DETACHED;
    }

    @Override
    public synchronized PacketServiceResult setPacketService(boolean attach) {
        if (attach) {
            if (!radioOn()) return new PacketServiceResult(MbimStatus.RADIO_POWER_OFF, packetService());
            if (!registered()) return new PacketServiceResult(MbimStatus.NOT_REGISTERED, packetService());
        } else {
            sessions.clear();
        }
        if (attachWanted != attach) {
            attachWanted = attach;
            changed(Change.PACKET_SERVICE);
        }
        return new PacketServiceResult(MbimStatus.NONE, packetService());
    }

    // ---------------------------------------------------------------- data sessions

    @Override
    public synchronized ConnectOutcome connect(ConnectRequest r) {
        lastConnect = r;
        MbimIpType up = sessions.get(r.sessionId());
        if (up != null) return new Connected(up);
        if (!simPresent) return new Refused(MbimStatus.SIM_NOT_INSERTED, 0);
        if (!simReady()) return new Refused(MbimStatus.PIN_REQUIRED, 0);
        if (!radioOn()) return new Refused(MbimStatus.RADIO_POWER_OFF, 0);
        if (!registered()) return new Refused(MbimStatus.NOT_REGISTERED, 0);
        if (packetService() != PacketServiceState.ATTACHED) return new Refused(MbimStatus.PACKET_SERVICE_DETACHED, 0);
        if (requiredAccessString != null && !requiredAccessString.equalsIgnoreCase(r.accessString())) {
            return new Refused(MbimStatus.INVALID_ACCESS_STRING, 27); // 24.008 #27: missing or unknown APN
        }
        MbimIpType granted = switch (r.ipType()) {
            case IPV4, DEFAULT -> MbimIpType.IPV4;
            case IPV6 -> MbimIpType.IPV6;
            case IPV4V6, IPV4_AND_IPV6 -> MbimIpType.IPV4V6;
        };
        sessions.put(r.sessionId(), granted);
        connects++;
        changed(Change.CONNECTION);
        return new Connected(granted);
    }

    @Override
    public synchronized boolean disconnect(int sessionId) {
        boolean was = sessions.remove(sessionId) != null;
        if (was) changed(Change.CONNECTION);
        return was;
    }

    @Override
    public synchronized Connection connection(int sessionId) {
        MbimIpType t = sessions.get(sessionId);
        return new Connection(sessionId, t != null, t == null ? MbimIpType.DEFAULT : t);
    }

    @Override
    public synchronized IpSettings ipSettings(int sessionId) {
        MbimIpType t = sessions.get(sessionId);
        if (t == null) return null;
        boolean v4 = t != MbimIpType.IPV6;
        boolean v6 = t != MbimIpType.IPV4;
        return new IpSettings(v4 ? settings.ipv4() : null, settings.ipv4Prefix(), v4 ? settings.ipv4Gateway() : null,
                v4 ? settings.ipv4Dns() : List.of(), v6 ? settingsV6.ipv6() : null, settingsV6.ipv6Prefix(),
                v6 ? settingsV6.ipv6Gateway() : null, v6 ? settingsV6.ipv6Dns() : List.of(), settings.mtu());
    }

    // ---------------------------------------------------------------- life

    @Override
    public synchronized void reset() {
        resets++;
        sessions.clear();
        unlocked = false;
        softwareRadio = true;
        attachWanted = true;
        searchingUntil = clock.millis() + registerDelayMs;
        for (Change c : Change.values()) changed(c);
    }

    @Override
    public void addListener(Listener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void changed(Change c) {
        for (Listener l : listeners) l.changed(c);
    }
}

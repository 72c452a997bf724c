package io.ltemodem.sim.qmi;

import io.ltemodem.model.Rat;
import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.ModemFailure;
import io.ltemodem.sim.ModemFailureException;
import io.ltemodem.sim.ModemListener;
import io.ltemodem.sim.ModemModel;
import io.ltemodem.sim.NetworkConfig;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.RadioSignal;
import io.ltemodem.sim.RegDomain;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimCardState;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AT simulator's {@link ModemModel} seen through QMI: one modem behind two ports. A PIN verified over UIM
 * unlocks what {@code AT+CPIN?} reports, a WDS session is a PDP context that {@code AT+CGACT?} shows active,
 * {@code AT+CFUN=4} is DMS low-power, and so on — both ports read and change the same state.
 *
 * <p>What QMI has and the AT model has not lives here: the session handles (a WDS session is a handle bound to a
 * context and an IP family), DMS "offline" (the state a QMI reset must start from) and the WDA link-layer
 * protocol. All of it is forgotten when the modem boots again, as on hardware.
 *
 * <p>Every method locks the model's monitor, the same lock the model holds while it tells listeners about its
 * events, so there is one lock order: the model's.
 */
public final class SimModemQmiModel implements QmiModemModel, ModemListener {
    /** The context a session uses when WDS Start Network names no 3GPP profile (what Qualcomm firmware does). */
    private static final int DEFAULT_PROFILE = 1;

    private final ModemModel model;
    // Guarded by the model's monitor.
    private final Map<Long, Session> sessions = new HashMap<>();
    private long nextHandle = 0x10000001L;
    private boolean offline;
    private LinkLayer linkLayer = LinkLayer.RAW_IP;

    private record Session(int cid, IpFamily family) {
    }

    private SimModemQmiModel(ModemModel model) {
        this.model = model;
    }

    /** The QMI view of {@code model}; it follows the model's events from now on. */
    public static SimModemQmiModel of(ModemModel model) {
        SimModemQmiModel m = new SimModemQmiModel(model);
        model.addListener(m);
        return m;
    }

    // ---------------------------------------------------------------- events

    @Override
    public void onEvent(ModemEvent e) {
        synchronized (model) {
            if (e instanceof ModemEvent.PdpDeactivated d) {
                sessions.values().removeIf(s -> s.cid() == d.cid());
            } else if (e instanceof ModemEvent.Booted) {
                // A new firmware life: no session, no client, the operating mode back to what boot sets.
                sessions.clear();
                offline = false;
            } else if (e instanceof ModemEvent.Detached || e instanceof ModemEvent.UsbDetached
                    || e instanceof ModemEvent.PoweredDown) {
                // Detach ends every context; a vanished USB device takes its QMI clients, and so their sessions.
                sessions.clear();
            }
        }
    }

    /** Sessions held through QMI now (for tests). */
    public int sessions() {
        synchronized (model) {
            return sessions.size();
        }
    }

    // ---------------------------------------------------------------- QmiModemModel

    @Override
    public boolean answering() {
        return model.power() == PowerState.ON;
    }

    @Override
    public String imei() {
        return model.persona().imei();
    }

    @Override
    public Sim sim() {
        synchronized (model) {
            int pin = model.pinRetriesLeft();
            int puk = model.pukRetriesLeft();
            SimCardState s = model.simState();
            return switch (s) {
                case ABSENT -> new Sim(CardState.ABSENT, false, AppState.UNKNOWN, PinState.NOT_INITIALIZED, 0, 0);
                case BUSY -> new Sim(CardState.PRESENT, true, AppState.DETECTED, PinState.NOT_INITIALIZED, pin, puk);
                case READY -> new Sim(CardState.PRESENT, false, AppState.READY,
                        model.pinEnabled() ? PinState.ENABLED_VERIFIED : PinState.DISABLED, pin, puk);
                case PIN -> new Sim(CardState.PRESENT, false, AppState.PIN_REQUIRED, PinState.ENABLED_NOT_VERIFIED, pin, puk);
                case PUK -> new Sim(CardState.PRESENT, false, AppState.PUK_REQUIRED, PinState.BLOCKED, 0, puk);
                case BLOCKED -> new Sim(CardState.PRESENT, false, AppState.ILLEGAL, PinState.PERMANENTLY_BLOCKED, 0, 0);
            };
        }
    }

    @Override
    public PinOutcome verifyPin(String pin) {
        synchronized (model) {
            if (model.power() != PowerState.ON) return new UimNotReady();
            try {
                model.enterPin(pin);
                return new Verified(model.pinRetriesLeft(), model.pukRetriesLeft());
            } catch (ModemFailureException e) {
                return switch (e.failure()) {
                    case INCORRECT_PASSWORD -> new IncorrectPin(model.pinRetriesLeft(), model.pukRetriesLeft());
                    case SIM_PUK_REQUIRED, SIM_FAILURE -> new PinBlocked(model.pukRetriesLeft());
                    // Already unlocked: nothing to verify, nothing counted.
                    case NOT_ALLOWED -> new Verified(model.pinRetriesLeft(), model.pukRetriesLeft());
                    default -> new UimNotReady();
                };
            }
        }
    }

    @Override
    public Power power() {
        synchronized (model) {
            if (offline) return Power.OFFLINE;
            return model.cfun() == 1 ? Power.ONLINE : Power.LOW_POWER;
        }
    }

    /** ONLINE is {@code +CFUN=1}, LOW_POWER {@code +CFUN=4} (RF off), OFFLINE {@code +CFUN=0} until the next boot. */
    @Override
    public boolean setPower(Power p) {
        synchronized (model) {
            if (model.power() != PowerState.ON) return false;
            // Qualcomm firmware leaves offline only through a reset.
            if (offline && p != Power.OFFLINE) return false;
            try {
                model.setCfun(switch (p) {
                    case ONLINE -> 1;
                    case LOW_POWER -> 4;
                    case OFFLINE -> 0;
                });
            } catch (ModemFailureException e) {
                return false;
            }
            if (p == Power.OFFLINE) offline = true;
            return true;
        }
    }

    @Override
    public void reset() {
        model.reboot(false);
    }

    @Override
    public Serving serving() {
        synchronized (model) {
            Registration r = model.registration();
            boolean registered = r.registered();
            boolean plmn = registered || r == Registration.DENIED;
            NetworkConfig n = model.network();
            RegState reg = switch (r) {
                case NOT_REGISTERED -> RegState.NOT_REGISTERED;
                case HOME, ROAMING -> RegState.REGISTERED;
                case SEARCHING -> RegState.SEARCHING;
                case DENIED -> RegState.DENIED;
                case UNKNOWN -> RegState.UNKNOWN;
            };
            return new Serving(reg, model.registration(RegDomain.CS).registered(), registered && model.attached(),
                    plmn ? Rat.LTE : null, r == Registration.ROAMING,
                    plmn ? Integer.parseInt(n.mcc()) : 0, plmn ? Integer.parseInt(n.mnc()) : 0, n.mnc().length() == 3,
                    plmn ? n.operatorLong() : null, 0, Long.parseLong(n.cellId(), 16), Integer.parseInt(n.tac(), 16));
        }
    }

    @Override
    public SignalLevels signal() {
        synchronized (model) {
            if (model.power() != PowerState.ON || model.cfun() != 1 || model.registration() == Registration.NOT_REGISTERED) {
                return null;
            }
            RadioSignal s = model.signal();
            return new SignalLevels(Rat.LTE, s.rssiDbm(), (int) Math.round(s.rsrqDb()), s.rsrpDbm(), s.sinrDb() * 10);
        }
    }

    /**
     * A session is the context of the requested profile (1 when none is named) made active, or joined when it is
     * already active (by AT, or by the other IP family's session). The APN in the request wins over the
     * context's, and the context's PDP type widens to cover the requested family.
     */
    @Override
    public SessionStart startSession(SessionRequest r) {
        synchronized (model) {
            if (model.power() != PowerState.ON || offline || model.cfun() != 1) return new Failed(3, null, null);
            int cid = r.profile() != null && r.profile() > 0 ? r.profile() : DEFAULT_PROFILE;
            PdpContextInfo c = model.context(cid);
            try {
                if (c == null || !c.active()) {
                    String apn = r.apn() != null && !r.apn().isEmpty() ? r.apn() : c == null ? "" : c.apn();
                    String type = widen(c == null ? null : c.pdpType(), r.family());
                    if (c == null || !type.equals(c.pdpType()) || !apn.equals(c.apn())) model.defineContext(cid, type, apn);
                    model.activate(cid);
                } else if (!serves(c.pdpType(), r.family())) {
                    return new Failed(1, 6, r.family() == IpFamily.V6 ? 50 : 51); // 24.008: PDP type IPv4/IPv6 only allowed
                }
            } catch (ModemFailureException e) {
                return failed(e.failure());
            }
            long h = nextHandle++;
            if (nextHandle >= 0xFFFFFFFFL) nextHandle = 1; // never 0, never the global handle
            sessions.put(h, new Session(cid, r.family()));
            return new Started(h);
        }
    }

    private static Failed failed(ModemFailure f) {
        return switch (f) {
            case UNKNOWN_APN -> new Failed(1, 6, 27);
            case NO_NETWORK_SERVICE, SIM_PIN_REQUIRED, SIM_PUK_REQUIRED, SIM_NOT_INSERTED, SIM_BUSY, SIM_FAILURE ->
                    new Failed(3, null, null); // generic no-service
            default -> new Failed(1, null, null);
        };
    }

    private static String widen(String type, IpFamily f) {
        if (type == null) return f == IpFamily.V6 ? "IPV6" : "IP";
        return serves(type, f) ? type : "IPV4V6";
    }

    private static boolean serves(String type, IpFamily f) {
        return type.equals("IPV4V6") || type.equals(f == IpFamily.V6 ? "IPV6" : "IP");
    }

    /** Ends the session; the context goes inactive with the last session on it. */
    @Override
    public boolean stopSession(long handle) {
        synchronized (model) {
            Session s = sessions.remove(handle);
            if (s == null) return false;
            PdpContextInfo c = model.context(s.cid());
            if (c == null || !c.active()) return false;
            if (sessions.values().stream().noneMatch(o -> o.cid() == s.cid())) {
                try {
                    model.deactivate(s.cid());
                } catch (ModemFailureException e) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public boolean sessionActive(long handle) {
        synchronized (model) {
            Session s = sessions.get(handle);
            if (s == null) return false;
            PdpContextInfo c = model.context(s.cid());
            return c != null && c.active();
        }
    }

    /** Null while the context has no address for the session's family (the "IP lost" fault included). */
    @Override
    public IpSettings ipSettings(long handle) {
        synchronized (model) {
            Session s = sessions.get(handle);
            if (s == null) return null;
            PdpContextInfo c = model.context(s.cid());
            if (c == null || !c.hasAddress()) return null;
            if (s.family() == IpFamily.V4) {
                if (c.ipv4() == null) return null;
                return new IpSettings(IpFamily.V4, c.ipv4().getHostAddress(), c.ipv4PrefixLength(),
                        c.ipv4Gateway() == null ? null : c.ipv4Gateway().getHostAddress(), text(c.dns4()), c.mtu());
            }
            if (c.ipv6() == null) return null;
            return new IpSettings(IpFamily.V6, c.ipv6().getHostAddress(), 64, null, text(c.dns6()), c.mtu());
        }
    }

    private static List<String> text(List<? extends InetAddress> as) {
        return as.stream().map(InetAddress::getHostAddress).toList();
    }

    @Override
    public LinkLayer linkLayer() {
        synchronized (model) {
            return linkLayer;
        }
    }

    @Override
    public LinkLayer setLinkLayer(LinkLayer wanted) {
        synchronized (model) {
            linkLayer = wanted;
            return linkLayer;
        }
    }
}

package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimIpType;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.PacketServiceState;
import io.ltemodem.mbim.PinType;
import io.ltemodem.mbim.ReadyState;
import io.ltemodem.mbim.RegisterState;
import io.ltemodem.sim.ModemEvent;
import io.ltemodem.sim.ModemFailure;
import io.ltemodem.sim.ModemFailureException;
import io.ltemodem.sim.ModemListener;
import io.ltemodem.sim.ModemModel;
import io.ltemodem.sim.NetworkConfig;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.SimCardState;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The AT simulator's modem ({@link ModemModel}) seen through MBIM, so that the AT port and the MBIM port show one
 * modem: a PIN entered over MBIM unlocks what {@code AT+CPIN?} reports, a session connected over MBIM is the PDP
 * context {@code AT+CGACT?} shows active, {@code AT+CFUN=4} is MBIM's radio off.
 *
 * <p>Mapping: MBIM session {@code n} is PDP context {@code n + 1} (session 0, the default bearer, is context 1, the
 * LTE attach context); the software radio is {@code +CFUN} 1 (on) or 4 (off), the hardware radio is the power state;
 * the operator and serving network come from the model's {@link NetworkConfig}. Every call takes the model's
 * monitor, so each answer is consistent in itself.
 */
public final class AtModemMbimModel implements MbimModemModel {
    private final ModemModel m;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ModemListener bridge = this::onModemEvent;

    public AtModemMbimModel(ModemModel model) {
        this.m = model;
        model.addListener(bridge);
    }

    /** Stops following the modem's events. */
    public void detach() {
        m.removeListener(bridge);
    }

    private static int cid(int sessionId) {
        return sessionId + 1;
    }

    // ---------------------------------------------------------------- SIM

    @Override
    public Subscriber subscriber() {
        synchronized (m) {
            if (m.power() != PowerState.ON) return new Subscriber(ReadyState.NOT_INITIALIZED, null, null);
            return switch (m.simState()) {
                case ABSENT -> new Subscriber(ReadyState.SIM_NOT_INSERTED, null, null);
                case BUSY -> new Subscriber(ReadyState.NOT_INITIALIZED, null, null);
                case PIN, PUK -> new Subscriber(ReadyState.DEVICE_LOCKED, null, m.iccid());
                case BLOCKED -> new Subscriber(ReadyState.BAD_SIM, null, m.iccid());
                case READY -> new Subscriber(ReadyState.INITIALIZED, m.imsi(), m.iccid());
            };
        }
    }

    @Override
    public PinStatus pin() {
        synchronized (m) {
            if (m.power() != PowerState.ON) return new PinStatus(MbimStatus.NOT_INITIALIZED, PinType.UNKNOWN, false, 0);
            return switch (m.simState()) {
                case ABSENT -> new PinStatus(MbimStatus.SIM_NOT_INSERTED, PinType.UNKNOWN, false, 0);
                case BUSY -> new PinStatus(MbimStatus.BUSY, PinType.UNKNOWN, false, 0);
                case PIN -> new PinStatus(MbimStatus.NONE, PinType.PIN1, true, m.pinRetriesLeft());
                case PUK -> new PinStatus(MbimStatus.NONE, PinType.PUK1, true, m.pukRetriesLeft());
                case BLOCKED -> new PinStatus(MbimStatus.BAD_SIM, PinType.UNKNOWN, false, 0);
                case READY -> new PinStatus(MbimStatus.NONE, PinType.UNKNOWN, false, 0);
            };
        }
    }

    @Override
    public PinEntry enterPin(String pin) {
        synchronized (m) {
            PinStatus before = pin();
            if (before.status() != MbimStatus.NONE) return new PinEntry(before.status(), before);
            if (!before.locked()) return new PinEntry(MbimStatus.PIN_DISABLED, before);
            if (before.type() != PinType.PIN1) return new PinEntry(MbimStatus.FAILURE, before);
            try {
                m.enterPin(pin);
                return new PinEntry(MbimStatus.NONE, pin());
            } catch (ModemFailureException e) {
                return new PinEntry(e.failure() == ModemFailure.INCORRECT_PASSWORD ? MbimStatus.FAILURE : status(e.failure()), pin());
            }
        }
    }

    // ---------------------------------------------------------------- radio and network

    @Override
    public Radio radio() {
        synchronized (m) {
            boolean hw = m.power() == PowerState.ON;
            return new Radio(hw, hw && m.cfun() == 1);
        }
    }

    @Override
    public Radio setRadio(boolean on) {
        synchronized (m) {
            if (m.power() == PowerState.ON) {
                try {
                    m.setCfun(on ? 1 : 4);
                } catch (ModemFailureException e) {
                    // a value we pass is always valid; nothing else can fail here
                }
            }
            return radio();
        }
    }

    @Override
    public Registration registration() {
        synchronized (m) {
            if (m.power() != PowerState.ON) return new Registration(RegisterState.UNKNOWN, 0, "", "");
            NetworkConfig n = m.network();
            return switch (m.registration()) {
                case HOME -> new Registration(RegisterState.HOME, 0, n.operatorNumeric(), n.operatorLong());
                case ROAMING -> new Registration(RegisterState.ROAMING, 0, n.operatorNumeric(), n.operatorLong());
                case SEARCHING -> new Registration(RegisterState.SEARCHING, 0, "", "");
                case DENIED -> new Registration(RegisterState.DENIED, 111, n.operatorNumeric(), n.operatorLong());
                case NOT_REGISTERED -> new Registration(RegisterState.DEREGISTERED, 0, "", "");
                case UNKNOWN -> new Registration(RegisterState.UNKNOWN, 0, "", "");
            };
        }
    }

    @Override
    public Registration registerAutomatic() {
        synchronized (m) {
            if (m.power() == PowerState.ON) {
                try {
                    m.setCopsMode(0);
                } catch (ModemFailureException e) {
                    // mode 0 is always valid
                }
            }
            return registration();
        }
    }

    @Override
    public PacketServiceState packetService() {
        synchronized (m) {
            if (m.power() != PowerState.ON) return PacketServiceState.UNKNOWN;
            return m.attached() ? PacketServiceState.ATTACHED : PacketServiceState.DETACHED;
        }
    }

    @Override
    public PacketServiceResult setPacketService(boolean attach) {
        synchronized (m) {
            if (m.power() != PowerState.ON) return new PacketServiceResult(MbimStatus.NOT_INITIALIZED, PacketServiceState.UNKNOWN);
            if (attach && m.cfun() != 1) return new PacketServiceResult(MbimStatus.RADIO_POWER_OFF, packetService());
            try {
                m.setAttached(attach);
                return new PacketServiceResult(MbimStatus.NONE, packetService());
            } catch (ModemFailureException e) {
                return new PacketServiceResult(status(e.failure()), packetService());
            }
        }
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public ConnectOutcome connect(ConnectRequest r) {
        synchronized (m) {
            int cid = cid(r.sessionId());
            if (m.power() != PowerState.ON) return new Refused(MbimStatus.NOT_INITIALIZED, 0);
            if (m.simState() == SimCardState.ABSENT) return new Refused(MbimStatus.SIM_NOT_INSERTED, 0);
            if (m.simState() != SimCardState.READY) return new Refused(MbimStatus.PIN_REQUIRED, 0);
            if (m.cfun() != 1) return new Refused(MbimStatus.RADIO_POWER_OFF, 0);
            PdpContextInfo c = m.context(cid);
            if (c != null && c.active()) return new Connected(ipType(c.pdpType()));
            try {
                String type = switch (r.ipType()) {
                    case IPV4 -> "IP";
                    case IPV6 -> "IPV6";
                    case IPV4V6, IPV4_AND_IPV6 -> "IPV4V6";
                    case DEFAULT -> c != null ? c.pdpType() : "IPV4V6";
                };
                m.defineContext(cid, type, r.accessString());
                m.activate(cid);
                return new Connected(ipType(type));
            } catch (ModemFailureException e) {
                int nw = e.failure() == ModemFailure.UNKNOWN_APN ? 27 : 0;
                return new Refused(status(e.failure()), nw);
            }
        }
    }

    @Override
    public boolean disconnect(int sessionId) {
        synchronized (m) {
            PdpContextInfo c = m.context(cid(sessionId));
            if (c == null || !c.active()) return false;
            try {
                m.deactivate(cid(sessionId));
                return true;
            } catch (ModemFailureException e) {
                return false;
            }
        }
    }

    @Override
    public Connection connection(int sessionId) {
        synchronized (m) {
            PdpContextInfo c = m.power() == PowerState.ON ? m.context(cid(sessionId)) : null;
            boolean active = c != null && c.active();
            return new Connection(sessionId, active, active ? ipType(c.pdpType()) : MbimIpType.DEFAULT);
        }
    }

    @Override
    public IpSettings ipSettings(int sessionId) {
        synchronized (m) {
            PdpContextInfo c = m.power() == PowerState.ON ? m.context(cid(sessionId)) : null;
            if (c == null || !c.active()) return null;
            if (c.ipLost()) return new IpSettings(null, 0, null, List.of(), null, 0, null, List.of(), c.mtu());
            return new IpSettings(text(c.ipv4()), c.ipv4PrefixLength(), text(c.ipv4Gateway()), texts(c.dns4()),
                    text(c.ipv6()), 64, null, texts(c.dns6()), c.mtu());
        }
    }

    @Override
    public void reset() {
        m.reboot(false);
    }

    // ---------------------------------------------------------------- events

    @Override
    public void addListener(Listener l) {
        listeners.add(l);
    }

    @Override
    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void onModemEvent(ModemEvent e) {
        Change c;
        if (e instanceof ModemEvent.SimChanged || e instanceof ModemEvent.Booted) c = Change.SUBSCRIBER;
        else if (e instanceof ModemEvent.RegistrationChanged) c = Change.REGISTRATION;
        else if (e instanceof ModemEvent.Detached) c = Change.PACKET_SERVICE;
        else if (e instanceof ModemEvent.PdpActivated || e instanceof ModemEvent.PdpDeactivated) c = Change.CONNECTION;
        else return;
        for (Listener l : listeners) l.changed(c);
    }

    // ---------------------------------------------------------------- helpers

    private static MbimStatus status(ModemFailure f) {
        return switch (f) {
            case SIM_NOT_INSERTED -> MbimStatus.SIM_NOT_INSERTED;
            case SIM_PIN_REQUIRED, SIM_PUK_REQUIRED -> MbimStatus.PIN_REQUIRED;
            case SIM_FAILURE -> MbimStatus.BAD_SIM;
            case SIM_BUSY -> MbimStatus.BUSY;
            case NO_NETWORK_SERVICE -> MbimStatus.NOT_REGISTERED;
            case UNKNOWN_APN -> MbimStatus.INVALID_ACCESS_STRING;
            case INVALID_PARAMETERS -> MbimStatus.INVALID_PARAMETERS;
            case NOT_ALLOWED -> MbimStatus.OPERATION_NOT_ALLOWED;
            case NOT_SUPPORTED -> MbimStatus.NO_DEVICE_SUPPORT;
            case INCORRECT_PASSWORD, UNKNOWN -> MbimStatus.FAILURE;
        };
    }

    private static MbimIpType ipType(String pdpType) {
        return switch (pdpType.toUpperCase(Locale.ROOT)) {
            case "IPV6" -> MbimIpType.IPV6;
            case "IPV4V6" -> MbimIpType.IPV4V6;
            default -> MbimIpType.IPV4;
        };
    }

    private static String text(InetAddress a) {
        return a == null ? null : a.getHostAddress();
    }

    private static List<String> texts(List<? extends InetAddress> as) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : as) out.add(a.getHostAddress());
        return out;
    }
}

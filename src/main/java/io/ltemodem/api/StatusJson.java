package io.ltemodem.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ltemodem.at.AtCommand;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import io.ltemodem.model.NetworkInfo;
import io.ltemodem.model.Operator;
import io.ltemodem.model.Rat;
import io.ltemodem.model.Registration;
import io.ltemodem.model.ServingCell;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;

import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of DESIGN §6, built from the engine's cached records. Unknown facts are left out rather than
 * guessed (JSON consumers test for presence); the objects themselves ({@code sim}, {@code registration},
 * {@code signal}, {@code bearer}, {@code recovery}) are always there so LuCI can read them without checks.
 * {@link ModemStatus} holds no PIN or password, and nothing here reads the configuration, so no secret can reach
 * a reply; modem-supplied text is passed through {@link AtCommand#mask} where it may echo a command.
 */
public final class StatusJson {
    private final TimeBase time;

    /** Converts the engine's monotonic milliseconds into wall-clock time for {@code since}. */
    public interface TimeBase {
        /** Now on the engine's clock (the one {@link ModemStatus#since()} uses). */
        long engineMillis();

        /** Now as Unix time in milliseconds. */
        long wallMillis();

        static TimeBase of(io.ltemodem.sys.Clock engineClock) {
            return new TimeBase() {
                @Override
                public long engineMillis() {
                    return engineClock.millis();
                }

                @Override
                public long wallMillis() {
                    return System.currentTimeMillis();
                }
            };
        }
    }

    public StatusJson(TimeBase time) {
        this.time = time;
    }

    /** One entry of {@code list}: {modem, device, vendor, model, protocol, state}. */
    public JsonObject listEntry(ModemStatus s, DeviceInfo d) {
        JsonObject o = new JsonObject();
        o.addProperty("modem", s.modem());
        String device = d == null ? null : first(d.controlPort(), d.atPort(), d.usbPath());
        put(o, "device", device);
        Identity id = identity(s);
        put(o, "vendor", id.manufacturer());
        put(o, "model", id.model());
        put(o, "protocol", first(s.protocol(), d == null ? null : d.protocol()));
        o.addProperty("state", s.state().kind().wireName());
        return o;
    }

    /** The {@code status} object of one modem. */
    public JsonObject status(ModemStatus s) {
        JsonObject o = new JsonObject();
        o.addProperty("modem", s.modem());
        o.addProperty("state", s.state().kind().wireName());
        put(o, "detail", s.state().detail());
        long ageMs = Math.max(0, time.engineMillis() - s.since());
        o.addProperty("since", (time.wallMillis() - ageMs) / 1000);
        o.addProperty("duration", ageMs / 1000);
        ErrorCode err = s.state().error();
        if (err != null) o.add("error", error(err, s.lastError()));
        Snapshot snap = snapshot(s);
        o.add("sim", sim(snap.sim()));
        o.add("registration", registration(snap));
        o.add("signal", signal(snap, false));
        o.add("bearer", bearer(s, snap));
        o.add("recovery", recovery(s));
        return o;
    }

    /** {@code info}: who the modem is and where it sits. */
    public JsonObject info(ModemStatus s, DeviceInfo d) {
        JsonObject o = new JsonObject();
        Identity id = identity(s);
        put(o, "manufacturer", id.manufacturer());
        put(o, "model", id.model());
        put(o, "revision", id.revision());
        put(o, "imei", id.imei());
        put(o, "iccid", id.iccid());
        JsonObject usb = new JsonObject();
        JsonObject ports = new JsonObject();
        if (d != null) {
            put(usb, "vid", d.vid());
            put(usb, "pid", d.pid());
            put(usb, "path", d.usbPath());
            put(ports, "at", d.atPort());
            put(ports, "control", d.controlPort());
            put(ports, "netdev", first(d.netdev(), s.netdev()));
            put(o, "driver", d.driver());
        } else {
            put(ports, "netdev", s.netdev());
        }
        o.add("usb", usb);
        o.add("ports", ports);
        put(o, "protocol", first(s.protocol(), d == null ? null : d.protocol()));
        put(o, "profile", d == null ? null : d.profile());
        return o;
    }

    /** {@code signal}: rssi, rsrp, rsrq, sinr, bars, rat, band, cell. */
    public JsonObject signal(ModemStatus s) {
        return signal(snapshot(s), true);
    }

    /**
     * The {@code connect} reply: {@code up}, and when not up the {@code error}; the session's netdev and IP
     * settings for netifd ({@code ipv4}/{@code ipv6} when static, {@code dhcp}/{@code dhcpv6} when the host must ask).
     * Up means CONNECTED or ONLINE: the session has its addresses, which is what netifd needs to proceed.
     */
    public JsonObject connectReply(ModemStatus s) {
        JsonObject o = new JsonObject();
        StateKind k = s.state().kind();
        boolean up = k == StateKind.ONLINE || k == StateKind.CONNECTED;
        o.addProperty("up", up);
        o.addProperty("state", k.wireName());
        if (!up) {
            ErrorCode err = s.state().error() != null ? s.state().error() : ErrorCode.TIMEOUT;
            o.add("error", error(err, s.state().error() != null ? s.lastError() : null));
        }
        Snapshot snap = snapshot(s);
        put(o, "netdev", netdev(s, snap));
        IpConfig ip = snap.ipConfig().value();
        if (ip != null) {
            if (ip.ipv4() != null) o.add("ipv4", ipv4(ip.ipv4()));
            if (ip.ipv6() != null) o.add("ipv6", ipv6(ip.ipv6()));
            if (ip.mtu() != null && ip.mtu() > 0) o.addProperty("mtu", ip.mtu());
        }
        o.addProperty("dhcp", ip != null && ip.dhcp());
        o.addProperty("dhcpv6", ip != null && ip.dhcpv6());
        return o;
    }

    /** The {@code ltemodem.state} event: {modem, from, to, reason} (plus the error code when the new state has one). */
    public JsonObject event(StateEvent e) {
        JsonObject o = new JsonObject();
        o.addProperty("modem", e.modem());
        o.addProperty("from", e.from() == null ? "unknown" : e.from().kind().wireName());
        o.addProperty("to", e.to().kind().wireName());
        put(o, "detail", e.to().detail());
        put(o, "reason", e.reason() == null ? null : AtCommand.mask(e.reason()));
        if (e.to().error() != null) o.addProperty("error", e.to().error().name());
        return o;
    }

    private static JsonObject error(ErrorCode code, String lastError) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code.name());
        o.addProperty("message", lastError != null && !lastError.isBlank() ? AtCommand.mask(lastError) : code.message());
        return o;
    }

    private static JsonObject sim(Fact<SimStatus> f) {
        JsonObject o = new JsonObject();
        SimStatus s = f.value();
        o.addProperty("state", s == null || s.state() == null ? "unknown" : s.state().name().toLowerCase(Locale.ROOT));
        if (s != null) {
            put(o, "pin_retries", s.pinRetries());
            put(o, "puk_retries", s.pukRetries());
        }
        return o;
    }

    private static JsonObject registration(Snapshot snap) {
        JsonObject o = new JsonObject();
        Registration r = snap.bestRegistration().value();
        o.addProperty("state", r == null || r.stat() == null ? "unknown" : r.stat().name().toLowerCase(Locale.ROOT));
        Operator op = snap.operator().value();
        NetworkInfo ni = snap.networkInfo().value();
        ServingCell cell = snap.servingCell().value();
        if (op != null) put(o, "operator", op.name());
        String mcc = op != null ? op.mcc() : null;
        String mnc = op != null ? op.mnc() : null;
        if (mcc == null && ni != null && ni.operator() != null && ni.operator().matches("\\d{5,6}")) {
            mcc = ni.operator().substring(0, 3);
            mnc = ni.operator().substring(3);
        }
        if (mcc == null && cell != null) {
            mcc = cell.mcc();
            mnc = cell.mnc();
        }
        put(o, "mcc", mcc);
        put(o, "mnc", mnc);
        Rat rat = r != null ? r.rat() : Rat.UNKNOWN;
        if (rat == Rat.UNKNOWN && op != null) rat = Rat.fromAct(op.act());
        if (rat != Rat.UNKNOWN) o.addProperty("rat", rat.wireName());
        else if (snap.signal().known() && snap.signal().value().rat() != null) o.addProperty("rat", snap.signal().value().rat());
        if (r != null && r.stat() != null) o.addProperty("roaming", r.stat().roaming());
        return o;
    }

    private static JsonObject signal(Snapshot snap, boolean withCell) {
        JsonObject o = new JsonObject();
        Signal s = snap.signal().orElse(Signal.UNKNOWN);
        put(o, "rssi", s.rssi());
        put(o, "rsrp", s.rsrp());
        put(o, "rsrq", s.rsrq());
        put(o, "sinr", s.sinr());
        put(o, "bars", s.bars());
        if (withCell) {
            ServingCell cell = snap.servingCell().value();
            NetworkInfo ni = snap.networkInfo().value();
            Registration r = snap.bestRegistration().value();
            String rat = s.rat();
            if (rat == null && r != null && r.rat() != Rat.UNKNOWN) rat = r.rat().wireName();
            if (rat == null && cell != null) rat = cell.rat();
            put(o, "rat", rat);
            String band = s.band();
            if (band == null && ni != null) band = ni.band();
            if (band == null && cell != null && cell.band() != null) band = String.valueOf(cell.band());
            put(o, "band", band);
            String cellId = s.cell();
            if (cellId == null && cell != null) cellId = cell.cellId();
            if (cellId == null && r != null) cellId = r.cell();
            put(o, "cell", cellId);
        }
        return o;
    }

    private static JsonObject bearer(ModemStatus s, Snapshot snap) {
        JsonObject o = new JsonObject();
        StateKind k = s.state().kind();
        String state = switch (k) {
            case CONNECTED, ONLINE -> "connected";
            case CONNECTING -> "connecting";
            default -> "disconnected";
        };
        o.addProperty("state", state);
        put(o, "netdev", netdev(s, snap));
        IpConfig ip = snap.ipConfig().value();
        if (ip != null) {
            if (ip.ipv4() != null) o.add("ipv4", ipv4(ip.ipv4()));
            if (ip.ipv6() != null) o.add("ipv6", ipv6(ip.ipv6()));
            if (ip.mtu() != null && ip.mtu() > 0) o.addProperty("mtu", ip.mtu());
        }
        return o;
    }

    private static JsonObject recovery(ModemStatus s) {
        JsonObject o = new JsonObject();
        RecoveryLevel l = s.level() == null ? RecoveryLevel.L0_REPROBE : s.level();
        o.addProperty("level", l.wireName());
        o.addProperty("attempts", s.attempts());
        put(o, "last_action", s.lastAction() == null ? null : AtCommand.mask(s.lastAction()));
        o.addProperty("resets_last_hour", s.resetsLastHour());
        return o;
    }

    private static JsonObject ipv4(Ipv4Config c) {
        JsonObject o = new JsonObject();
        put(o, "address", c.address());
        o.addProperty("prefix", c.prefix());
        put(o, "gateway", c.gateway());
        o.add("dns", strings(c.dns()));
        return o;
    }

    private static JsonObject ipv6(Ipv6Config c) {
        JsonObject o = new JsonObject();
        put(o, "address", c.address());
        o.addProperty("prefix", c.prefix());
        put(o, "gateway", c.gateway());
        o.add("dns", strings(c.dns()));
        return o;
    }

    private static String netdev(ModemStatus s, Snapshot snap) {
        if (s.netdev() != null) return s.netdev();
        return snap.host().known() ? snap.host().value().netdev() : null;
    }

    private static Snapshot snapshot(ModemStatus s) {
        return s.snapshot() != null ? s.snapshot() : Snapshot.empty(s.since());
    }

    private static Identity identity(ModemStatus s) {
        return snapshot(s).identity().orElse(Identity.EMPTY);
    }

    private static JsonArray strings(List<String> l) {
        JsonArray a = new JsonArray();
        for (String s : l) a.add(s);
        return a;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    private static void put(JsonObject o, String k, String v) {
        if (v != null) o.addProperty(k, v);
    }

    private static void put(JsonObject o, String k, Number v) {
        if (v != null) o.addProperty(k, v);
    }
}

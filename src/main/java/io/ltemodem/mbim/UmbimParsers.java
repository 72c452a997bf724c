package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what OpenWrt's {@code umbim} prints (openwrt/umbim {@code cli.c}): {@code "  key: value"} lines on stdout,
 * enums as {@code "  registerstate: 0003 - home"} (hex code, then a name that may be {@code (null)}), the PIN state on
 * stderr. umbim's exit code is 0 only for the "good" state (home, attached, activated, initialized) and the state
 * number otherwise, so these parsers read the output and never the exit code. None throws.
 */
public final class UmbimParsers {
    private static final Pattern LINE = Pattern.compile("^\\s*([a-z_0-9 ]+):\\s*(.*?)\\s*$");
    private static final Pattern CODED = Pattern.compile("^([0-9A-Fa-f]{1,8})(?:\\s+-\\s+(.*))?$");
    private static final Pattern REQUIRED_PIN = Pattern.compile("(?m)^required pin:\\s*(\\d+)");
    private static final Pattern REMAINING = Pattern.compile("(?m)^remaining attempts:\\s*(\\d+)");

    private UmbimParsers() {
    }

    /** key → raw value, first occurrence wins; repeated keys (DNS servers) come from {@link #all}. */
    static Map<String, String> fields(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        if (out == null) return m;
        for (String line : out.split("\n")) {
            Matcher f = LINE.matcher(line);
            if (f.matches() && !m.containsKey(f.group(1))) m.put(f.group(1), f.group(2));
        }
        return m;
    }

    static List<String> all(String out, String key) {
        List<String> v = new ArrayList<>();
        if (out == null) return v;
        for (String line : out.split("\n")) {
            Matcher f = LINE.matcher(line);
            if (f.matches() && f.group(1).equals(key)) v.add(f.group(2));
        }
        return v;
    }

    /** The numeric code of {@code "0003 - home"}, or null. */
    static Integer code(String v) {
        if (v == null) return null;
        Matcher m = CODED.matcher(v.trim());
        if (!m.matches()) return null;
        long n = Long.parseLong(m.group(1), 16);
        return n > Integer.MAX_VALUE ? null : (int) n;
    }

    private static String text(String v) {
        return v == null || v.isEmpty() || v.equals("(null)") ? null : v;
    }

    private static <T> T guarded(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code umbim subscriber}. */
    public static SubscriberStatus subscriber(String out) {
        return guarded(() -> {
            Map<String, String> f = fields(out);
            Integer c = code(f.get("readystate"));
            ReadyState s = c == null ? null : ReadyState.fromCode(c);
            return s == null ? null : new SubscriberStatus(s, text(f.get("subscriberid")), text(f.get("simiccid")));
        });
    }

    /** {@code umbim pinstate} / {@code unlock}: from stderr ({@code Pin Unlocked} or the required PIN and tries). */
    public static PinInfo pinState(String err) {
        return guarded(() -> {
            if (err == null) return null;
            if (err.contains("Pin Unlocked")) return new PinInfo(false, PinType.UNKNOWN, null);
            Matcher t = REQUIRED_PIN.matcher(err);
            if (!t.find()) return null;
            PinType type = PinType.fromCode(Integer.parseInt(t.group(1)));
            Matcher r = REMAINING.matcher(err);
            Integer left = r.find() ? MbimcliParsers.number(r.group(1)) : null;
            return new PinInfo(true, type == null ? PinType.UNKNOWN : type, left);
        });
    }

    /** {@code umbim registration}. */
    public static RegistrationStatus registration(String out) {
        return guarded(() -> {
            Map<String, String> f = fields(out);
            Integer c = code(f.get("registerstate"));
            RegisterState s = c == null ? null : RegisterState.fromCode(c);
            if (s == null) return null;
            return new RegistrationStatus(s, name(f.get("nwerror")), text(f.get("provider_id")), text(f.get("provider_name")),
                    name(f.get("availabledataclasses")));
        });
    }

    /** {@code umbim attach} / {@code detach}. */
    public static PacketServiceStatus packetService(String out) {
        return guarded(() -> {
            Map<String, String> f = fields(out);
            Integer c = code(f.get("packetservicestate"));
            PacketServiceState s = c == null ? null : PacketServiceState.fromCode(c);
            return s == null ? null : new PacketServiceStatus(s, name(f.get("nwerror")));
        });
    }

    /** {@code umbim connect} / {@code disconnect}. */
    public static ConnectionStatus connection(String out) {
        return guarded(() -> {
            Map<String, String> f = fields(out);
            Integer session = MbimcliParsers.number(f.get("sessionid"));
            Integer a = code(f.get("activationstate"));
            ActivationState state = a == null ? null : ActivationState.fromCode(a);
            if (session == null || state == null) return null;
            Integer ip = code(f.get("iptype"));
            MbimIpType t = ip == null ? null : MbimIpType.fromCode(ip);
            return new ConnectionStatus(session, state, t == null ? MbimIpType.DEFAULT : t, name(f.get("nwerror")));
        });
    }

    /** {@code umbim radio}. */
    public static RadioState radio(String out) {
        return guarded(() -> {
            Map<String, String> f = fields(out);
            Boolean hw = onOff(f.get("hwradiostate"));
            Boolean sw = onOff(f.get("swradiostate"));
            return hw == null && sw == null ? null : new RadioState(hw, sw);
        });
    }

    /** {@code umbim config}: null when it printed no address line at all. */
    public static IpConfig config(String out) {
        return guarded(() -> {
            List<String> a4 = all(out, "ipv4address");
            List<String> a6 = all(out, "ipv6address");
            if (a4.isEmpty() && a6.isEmpty()) return null;
            Map<String, String> f = fields(out);
            Ipv4Config v4 = a4.isEmpty() ? null : AddressText.v4(a4.get(0), f.get("ipv4gateway"), all(out, "ipv4dnsserver"));
            Ipv6Config v6 = a6.isEmpty() ? null : AddressText.v6(a6.get(0), f.get("ipv6gateway"), all(out, "ipv6dnsserver"));
            Integer mtu = MbimcliParsers.number(f.get("ipv4mtu"));
            if (mtu == null) mtu = MbimcliParsers.number(f.get("ipv6mtu"));
            return v4 == null && v6 == null ? null : IpConfig.ofStatic(v4, v6, mtu);
        });
    }

    /** The name after {@code " - "}, or null. */
    private static String name(String v) {
        if (v == null) return null;
        Matcher m = CODED.matcher(v.trim());
        return m.matches() ? text(m.group(2)) : null;
    }

    private static Boolean onOff(String v) {
        if ("on".equals(v)) return Boolean.TRUE;
        if ("off".equals(v)) return Boolean.FALSE;
        return null;
    }
}

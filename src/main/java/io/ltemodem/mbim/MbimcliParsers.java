package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code mbimcli} 1.28 prints (mbimcli-transcript.txt; libmbim {@code mbimcli-basic-connect.c},
 * {@code mbimcli-helpers.c}). Every field line is {@code <label>: '<value>'}; mbimcli prints {@code 'unknown'} for a
 * value the modem did not give, which reads as null here. Each parser returns null when the output is not what it
 * expects; none throws, whatever the input.
 */
public final class MbimcliParsers {
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 /-]*?)\\s*:\\s*'(.*)'\\s*$");
    private static final Pattern INDEXED = Pattern.compile("^\\s*(IP|DNS)\\s*\\[(\\d+)]\\s*:\\s*'(.*)'\\s*$");
    private static final Pattern TRID = Pattern.compile("Session not closed:\\s*\\n\\s*TRID:\\s*'(\\d+)'");
    private static final Pattern OPERATION_FAILED = Pattern.compile("(?m)^error: operation failed: (.*)$");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^error: (.*)$");

    private MbimcliParsers() {
    }

    /** Label (lower case) → value, for the {@code label: 'value'} lines; 'unknown' values are left out. */
    static Map<String, String> fields(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        if (out == null) return m;
        for (String line : out.split("\n")) {
            Matcher f = FIELD.matcher(line);
            if (!f.matches()) continue;
            String key = f.group(1).trim().toLowerCase(Locale.ROOT);
            String v = f.group(2);
            if (!v.equals("unknown") && !m.containsKey(key)) m.put(key, v);
        }
        return m;
    }

    private static <T> T guarded(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null; // a parser bug must not take the daemon down: unknown it is
        }
    }

    /** {@code --query-subscriber-ready-status}. */
    public static SubscriberStatus subscriberStatus(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("Subscriber ready status retrieved")) return null;
            Map<String, String> f = fields(out);
            ReadyState s = ReadyState.fromNick(f.get("ready state"));
            if (s == null) return null;
            return new SubscriberStatus(s, f.get("subscriber id"), f.get("sim iccid"));
        });
    }

    /** {@code --query-pin-state} and the success of {@code --enter-pin}. */
    public static PinInfo pinInfo(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("PIN info:")) return null;
            Map<String, String> f = fields(out);
            String state = f.get("pin state");
            if (!"locked".equals(state) && !"unlocked".equals(state)) return null;
            PinType type = f.containsKey("pin type") ? PinType.fromNick(f.get("pin type")) : PinType.UNKNOWN;
            if (type == null) type = PinType.UNKNOWN;
            return new PinInfo(state.equals("locked"), type, number(f.get("remaining attempts")));
        });
    }

    /** {@code --query-radio-state} and {@code --set-radio-state}. */
    public static RadioState radioState(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("Radio state retrieved")) return null;
            Map<String, String> f = fields(out);
            Boolean hw = onOff(f.get("hardware radio state"));
            Boolean sw = onOff(f.get("software radio state"));
            return hw == null && sw == null ? null : new RadioState(hw, sw);
        });
    }

    /** {@code --query-registration-state} and {@code --register-automatic}. */
    public static RegistrationStatus registrationStatus(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("Registration status:")) return null;
            Map<String, String> f = fields(out);
            RegisterState s = RegisterState.fromNick(f.get("register state"));
            if (s == null) return null;
            return new RegistrationStatus(s, f.get("network error"), f.get("provider id"), f.get("provider name"),
                    f.get("available data classes"));
        });
    }

    /** {@code --query-packet-service-state} and {@code --attach-packet-service}. */
    public static PacketServiceStatus packetServiceStatus(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("Packet service status:")) return null;
            Map<String, String> f = fields(out);
            PacketServiceState s = PacketServiceState.fromNick(f.get("packet service state"));
            return s == null ? null : new PacketServiceStatus(s, f.get("network error"));
        });
    }

    /** {@code --connect}, {@code --disconnect}, {@code --query-connection-state}: the "Connection status" block. */
    public static ConnectionStatus connectionStatus(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("Connection status:")) return null;
            Map<String, String> f = fields(out.substring(out.indexOf("Connection status:")));
            Integer session = number(f.get("session id"));
            ActivationState a = ActivationState.fromNick(f.get("activation state"));
            if (session == null || a == null) return null;
            MbimIpType ip = f.containsKey("ip type") ? MbimIpType.fromNick(f.get("ip type")) : MbimIpType.DEFAULT;
            return new ConnectionStatus(session, a, ip == null ? MbimIpType.DEFAULT : ip, f.get("network error"));
        });
    }

    /**
     * {@code --query-ip-configuration} (and the tail of {@code --connect}): the IPv4 and IPv6 blocks. Only the first
     * address of each family counts (a bearer has one). Null when neither block is there; an IpConfig without
     * addresses when the modem reported none.
     */
    public static IpConfig ipConfiguration(String out) {
        return guarded(() -> {
            if (out == null || !out.contains("configuration available:")) return null;
            Family v4 = new Family();
            Family v6 = new Family();
            Family cur = null;
            for (String line : out.split("\n")) {
                if (line.contains("IPv4 configuration available:")) {
                    cur = v4;
                    continue;
                }
                if (line.contains("IPv6 configuration available:")) {
                    cur = v6;
                    continue;
                }
                if (cur == null) continue;
                if (line.startsWith("[")) {
                    cur = null; // another block (e.g. "Session not closed")
                    continue;
                }
                Matcher ix = INDEXED.matcher(line);
                if (ix.matches()) {
                    if (ix.group(1).equals("IP")) cur.addresses.add(ix.group(3));
                    else cur.dns.add(ix.group(3));
                    continue;
                }
                Matcher f = FIELD.matcher(line);
                if (!f.matches()) continue;
                String key = f.group(1).trim().toLowerCase(Locale.ROOT);
                if (key.equals("gateway")) cur.gateway = f.group(2);
                else if (key.equals("mtu")) cur.mtu = number(f.group(2));
            }
            Ipv4Config c4 = v4.toV4();
            Ipv6Config c6 = v6.toV6();
            Integer mtu = v4.mtu != null ? v4.mtu : v6.mtu;
            return IpConfig.ofStatic(c4, c6, mtu);
        });
    }

    private static final class Family {
        final List<String> addresses = new ArrayList<>();
        final List<String> dns = new ArrayList<>();
        String gateway;
        Integer mtu;

        Ipv4Config toV4() {
            return addresses.isEmpty() ? null : AddressText.v4(addresses.get(0), gateway, dns);
        }

        Ipv6Config toV6() {
            return addresses.isEmpty() ? null : AddressText.v6(addresses.get(0), gateway, dns);
        }
    }

    /** The next transaction id of a session left open ({@code --no-close}), or null. */
    public static Integer nextTransactionId(String out) {
        return guarded(() -> {
            if (out == null) return null;
            Matcher m = TRID.matcher(out);
            return m.find() ? number(m.group(1)) : null;
        });
    }

    /**
     * What follows {@code error: operation failed: } (an MBIM status nick such as {@code PinRequired}, a protocol
     * error such as {@code NotOpened}, or {@code Transaction timed out}), or null.
     */
    public static String operationFailure(String err) {
        return guarded(() -> {
            if (err == null) return null;
            Matcher m = OPERATION_FAILED.matcher(err);
            return m.find() ? m.group(1).trim() : null;
        });
    }

    /**
     * The last part of the first {@code error: ...} line — where mbimcli puts the MBIM status nick or protocol error,
     * whatever it says before: {@code error: operation failed: PinRequired},
     * {@code error: couldn't get IP configuration response message: ContextNotActivated} — or null.
     */
    public static String errorTail(String err) {
        String line = errorLine(err);
        if (line == null) return null;
        int i = line.lastIndexOf(": ");
        return i < 0 ? line : line.substring(i + 2).trim();
    }

    /** The first {@code error: ...} line without the prefix, or null. */
    public static String errorLine(String err) {
        return guarded(() -> {
            if (err == null) return null;
            Matcher m = ERROR_LINE.matcher(err);
            return m.find() ? m.group(1).trim() : null;
        });
    }

    private static Boolean onOff(String v) {
        if ("on".equals(v)) return Boolean.TRUE;
        if ("off".equals(v)) return Boolean.FALSE;
        return null;
    }

    static Integer number(String v) {
        if (v == null) return null;
        String t = v.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        return Integer.parseInt(t);
    }
}

package io.ltemodem.qmi;

import io.ltemodem.sys.IpLiteral;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import io.ltemodem.model.Signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads qmicli 1.32 text output (modem-domain.md §3.3, qmicli-uqmi-transcripts.txt). Every parser takes the
 * whole stdout, tolerates extra or missing lines and returns null when the text does not say what it should:
 * it never throws, and a field it cannot read stays null (unknown).
 */
public final class QmicliParsers {
    private QmicliParsers() {
    }

    /** {@code key: 'value'} or {@code key: value}, any indentation. The key may contain spaces. */
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9 ()/_-]*?):\\s*(.*?)\\s*$");
    /** A list item: {@code [0]: 'lte'}. */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*\\[(\\d+)\\]:\\s*'(.*)'\\s*$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** One parsed line: key and value with the quotes taken off. */
    private record Line(String key, String value, boolean quoted) {
    }

    private static Line line(String raw) {
        Matcher m = KEY_VALUE.matcher(raw);
        if (!m.matches()) return null;
        String v = m.group(2);
        boolean quoted = v.length() >= 2 && v.startsWith("'") && v.endsWith("'");
        return new Line(m.group(1).trim(), quoted ? v.substring(1, v.length() - 1) : v, quoted);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    private static Integer toInt(String s) {
        if (s == null) return null;
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long toLong(String s) {
        if (s == null) return null;
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first number in {@code '-65 dBm'}, {@code '12.0 dB'}; null for {@code n/a} or garbage. */
    private static Double measure(String s) {
        if (s == null) return null;
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) return null;
        try {
            return Double.valueOf(m.group());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer measureInt(String s) {
        Double d = measure(s);
        return d == null ? null : (int) Math.round(d);
    }

    // ---------------------------------------------------------------- DMS

    /** {@code --dms-get-ids}. */
    public static DeviceIds deviceIds(String out) {
        if (out == null || !out.contains("Device IDs retrieved")) return null;
        Map<String, String> kv = flat(out);
        return new DeviceIds(kv.get("ESN"), kv.get("IMEI"), kv.get("MEID"), kv.get("IMEI SV"));
    }

    /** {@code --dms-get-operating-mode}. */
    public static OperatingMode operatingMode(String out) {
        if (out == null || !out.contains("Operating mode retrieved")) return null;
        return OperatingMode.parse(flat(out).get("Mode"));
    }

    private static Map<String, String> flat(String out) {
        Map<String, String> kv = new HashMap<>();
        for (String raw : lines(out)) {
            Line l = line(raw);
            if (l != null) kv.putIfAbsent(l.key(), l.value());
        }
        return kv;
    }

    // ---------------------------------------------------------------- UIM

    /**
     * {@code --uim-get-card status}: the application the "Primary GW" line points at (slot 1, application 1 by
     * default). A present card with no application yet yields a status with a null application.
     */
    public static CardStatus cardStatus(String out) {
        if (out == null || !out.contains("Successfully got card status")) return null;
        int wantSlot = 1;
        int wantApp = 1;
        Map<String, Map<String, String>> slots = new HashMap<>();
        Map<String, Map<String, String>> apps = new HashMap<>();
        int slot = 0;
        int app = 0;
        Pattern primary = Pattern.compile("slot '(\\d+)', application '(\\d+)'");
        Pattern slotHeader = Pattern.compile("^\\s*Slot \\[(\\d+)\\]:\\s*$");
        Pattern appHeader = Pattern.compile("^\\s*Application \\[(\\d+)\\]:\\s*$");
        for (String raw : lines(out)) {
            Matcher m;
            if ((m = slotHeader.matcher(raw)).matches()) {
                slot = Integer.parseInt(m.group(1));
                app = 0;
                continue;
            }
            if ((m = appHeader.matcher(raw)).matches()) {
                app = Integer.parseInt(m.group(1));
                continue;
            }
            Line l = line(raw);
            if (l == null) continue;
            if (l.key().equals("Primary GW")) {
                Matcher p = primary.matcher(l.value());
                if (p.find()) {
                    wantSlot = Integer.parseInt(p.group(1));
                    wantApp = Integer.parseInt(p.group(2));
                } else {
                    wantApp = -1; // no provisioning session: take the slot's first application, if any
                }
                continue;
            }
            if (slot == 0) continue;
            if (app == 0) slots.computeIfAbsent(String.valueOf(slot), k -> new HashMap<>()).putIfAbsent(l.key(), l.value());
            else apps.computeIfAbsent(slot + "/" + app, k -> new HashMap<>()).putIfAbsent(l.key(), l.value());
        }
        Map<String, String> s = slots.get(String.valueOf(wantSlot));
        if (s == null) return null;
        Map<String, String> a = apps.get(wantSlot + "/" + (wantApp < 1 ? 1 : wantApp));
        CardStatus.Card card = card(s.get("Card state"));
        if (a == null) {
            return new CardStatus(card, null, null, null, null, false,
                    CardStatus.Pin.parse(s.get("UPIN state")), toInt(s.get("UPIN retries")), toInt(s.get("UPUK retries")));
        }
        return new CardStatus(card, CardStatus.App.parse(a.get("Application state")),
                CardStatus.Pin.parse(a.get("PIN1 state")), toInt(a.get("PIN1 retries")), toInt(a.get("PUK1 retries")),
                "yes".equalsIgnoreCase(a.get("UPIN replaces PIN1")),
                CardStatus.Pin.parse(s.get("UPIN state")), toInt(s.get("UPIN retries")), toInt(s.get("UPUK retries")));
    }

    /** {@code present}, {@code absent}, {@code error: no-atr-received (3)}. */
    private static CardStatus.Card card(String v) {
        if (v == null) return null;
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("present")) return CardStatus.Card.PRESENT;
        if (t.equals("absent")) return CardStatus.Card.ABSENT;
        if (t.startsWith("error")) return CardStatus.Card.ERROR;
        return null;
    }

    /**
     * The retries block qmicli prints (to stderr) after {@code --uim-verify-pin} fails:
     * {@code Retries left: / Verify: 2 / Unblock: 10}. Null when absent.
     */
    public static PinRetries pinRetries(String text) {
        if (text == null || !text.contains("Retries left")) return null;
        Integer verify = null;
        Integer unblock = null;
        boolean in = false;
        for (String raw : lines(text)) {
            if (raw.contains("Retries left")) {
                in = true;
                continue;
            }
            if (!in) continue;
            Line l = line(raw);
            if (l == null) continue;
            if (l.key().equals("Verify")) verify = toInt(l.value());
            else if (l.key().equals("Unblock")) unblock = toInt(l.value());
        }
        return verify == null && unblock == null ? null : new PinRetries(verify, unblock);
    }

    // ---------------------------------------------------------------- NAS

    /** {@code --nas-get-serving-system}. */
    public static ServingSystem servingSystem(String out) {
        if (out == null || !out.contains("Successfully got serving system")) return null;
        ServingSystem.State state = null;
        Boolean cs = null;
        Boolean ps = null;
        List<String> radios = new ArrayList<>();
        Boolean roaming = null;
        Integer mcc = null;
        Integer mnc = null;
        String description = null;
        Integer lac = null;
        Long cell = null;
        Integer tac = null;
        boolean pcs = false;
        String block = "";
        List<String> list = null;
        for (String raw : lines(out)) {
            Matcher item = LIST_ITEM.matcher(raw);
            if (item.matches()) {
                if (list != null) list.add(item.group(2));
                continue;
            }
            Line l = line(raw);
            if (l == null) continue;
            list = null;
            switch (l.key()) {
                case "Registration state" -> state = ServingSystem.State.parse(l.value());
                case "CS" -> cs = attach(l.value());
                case "PS" -> ps = attach(l.value());
                case "Radio interfaces" -> list = radios;
                case "Data service capabilities" -> list = new ArrayList<>();
                case "Roaming status" -> roaming = "on".equalsIgnoreCase(l.value()) ? Boolean.TRUE
                        : "off".equalsIgnoreCase(l.value()) ? Boolean.FALSE : null;
                case "Current PLMN" -> block = "plmn";
                case "Full operator code info" -> block = "full";
                case "MCC" -> {
                    if (block.equals("plmn")) mcc = toInt(l.value());
                }
                case "MNC" -> {
                    if (block.equals("plmn")) mnc = toInt(l.value());
                }
                case "Description" -> {
                    if (block.equals("plmn")) description = l.value();
                }
                case "MNC with PCS digit" -> pcs = "yes".equalsIgnoreCase(l.value());
                case "3GPP location area code" -> lac = toInt(l.value());
                case "3GPP cell ID" -> cell = toLong(l.value());
                case "LTE tracking area code" -> tac = toInt(l.value());
                default -> {
                }
            }
        }
        if (state == null) return null;
        int digits = pcs || (mnc != null && mnc >= 100) ? 3 : 2;
        return new ServingSystem(state, cs, ps, radios, roaming, mcc, mnc, digits, description, lac, cell, tac);
    }

    private static Boolean attach(String v) {
        if ("attached".equalsIgnoreCase(v)) return Boolean.TRUE;
        if ("detached".equalsIgnoreCase(v)) return Boolean.FALSE;
        return null;
    }

    /**
     * {@code --nas-get-signal-info}: LTE figures first (rssi, rsrq, rsrp, snr as sinr), else 5G (rsrp, snr,
     * rsrq), else WCDMA or GSM RSSI. A reply without any section is "no signal": all unknown, not null.
     */
    public static Signal signalInfo(String out) {
        if (out == null || !out.contains("Successfully got signal info")) return null;
        Map<String, Map<String, String>> sections = new HashMap<>();
        String section = null;
        Pattern header = Pattern.compile("^([A-Za-z0-9]+):\\s*$");
        for (String raw : lines(out)) {
            Matcher h = header.matcher(raw);
            if (h.matches()) {
                section = h.group(1).toUpperCase(java.util.Locale.ROOT);
                continue;
            }
            if (section == null) continue;
            Line l = line(raw);
            if (l != null) sections.computeIfAbsent(section, k -> new HashMap<>()).putIfAbsent(l.key(), l.value());
        }
        Map<String, String> lte = sections.get("LTE");
        if (lte != null) {
            return new Signal(measureInt(lte.get("RSSI")), measureInt(lte.get("RSRP")), measure(lte.get("RSRQ")),
                    measure(lte.get("SNR")), "lte", null, null);
        }
        Map<String, String> nr = sections.get("5G");
        if (nr != null) {
            return new Signal(null, measureInt(nr.get("RSRP")), measure(nr.get("RSRQ")), measure(nr.get("SNR")),
                    "nr5g", null, null);
        }
        Map<String, String> wcdma = sections.get("WCDMA");
        if (wcdma != null) return new Signal(measureInt(wcdma.get("RSSI")), null, null, null, "umts", null, null);
        Map<String, String> gsm = sections.get("GSM");
        if (gsm != null) return new Signal(measureInt(gsm.get("RSSI")), null, null, null, "gsm", null, null);
        return Signal.UNKNOWN;
    }

    // ---------------------------------------------------------------- WDA

    /** {@code --wda-get-data-format} and {@code --wda-set-data-format} (which prints the effective format). */
    public static DataFormat dataFormat(String out) {
        if (out == null || !(out.contains("got data format") || out.contains("set data format"))) return null;
        Map<String, String> kv = flat(out);
        DataFormat.LinkLayer ll = DataFormat.LinkLayer.parse(kv.get("Link layer protocol"));
        if (ll == null) return null;
        String qos = kv.get("QoS flow header");
        return new DataFormat(ll, qos == null ? null : "yes".equalsIgnoreCase(qos),
                kv.get("Uplink data aggregation protocol"), kv.get("Downlink data aggregation protocol"));
    }

    // ---------------------------------------------------------------- WDS

    /** {@code --wds-get-packet-service-status}. */
    public static ConnectionStatus connectionStatus(String out) {
        for (String raw : lines(out)) {
            int i = raw.indexOf("Connection status:");
            if (i < 0) continue;
            Line l = line(raw.substring(i));
            return l == null ? null : ConnectionStatus.parse(l.value());
        }
        return null;
    }

    /** The {@code Client ID not released} block: the client id the tool kept, or null. */
    public static Integer keptClientId(String out) {
        boolean in = false;
        for (String raw : lines(out)) {
            if (raw.contains("Client ID not released")) {
                in = true;
                continue;
            }
            if (!in) continue;
            Line l = line(raw);
            if (l != null && l.key().equals("CID")) return toInt(l.value());
        }
        return null;
    }

    /** {@code --wds-start-network}: the packet data handle (and the kept client id, if printed). */
    public static NetworkStart networkStarted(String out) {
        if (out == null || !out.contains("Network started")) return null;
        Long handle = null;
        for (String raw : lines(out)) {
            Line l = line(raw);
            if (l != null && l.key().equals("Packet data handle")) handle = toLong(l.value());
        }
        if (handle == null) return null;
        return new NetworkStart(handle, keptClientId(out), null);
    }

    private static final Pattern CALL_END = Pattern.compile("^\\s*call end reason \\((\\d+)\\):\\s*(\\S*)");
    private static final Pattern VERBOSE_CALL_END =
            Pattern.compile("^\\s*verbose call end reason \\((\\d+),(-?\\d+)\\):\\s*(?:\\[([^]]*)\\])?\\s*(\\S*)");

    /** The reasons qmicli prints (to stderr) after {@code CallFailed}; null when there are none. */
    public static CallEndReason callEndReason(String text) {
        Integer reason = null;
        String name = null;
        Integer vType = null;
        Integer vReason = null;
        String vTypeName = null;
        String vName = null;
        for (String raw : lines(text)) {
            Matcher m = VERBOSE_CALL_END.matcher(raw);
            if (m.find()) {
                vType = toInt(m.group(1));
                vReason = toInt(m.group(2));
                vTypeName = m.group(3);
                vName = m.group(4).isEmpty() ? null : m.group(4);
                continue;
            }
            m = CALL_END.matcher(raw);
            if (m.find()) {
                reason = toInt(m.group(1));
                name = m.group(2).isEmpty() ? null : m.group(2);
            }
        }
        if (reason == null && vType == null) return null;
        return new CallEndReason(reason, name, vType, vReason, vTypeName, vName);
    }

    /** {@code --wds-get-current-settings}. */
    public static CurrentSettings currentSettings(String out) {
        if (out == null || !out.contains("Current settings retrieved")) return null;
        IpFamily family = null;
        String v4 = null;
        Integer prefix4 = null;
        String gw4 = null;
        List<String> dns4 = new ArrayList<>();
        String v6 = null;
        Integer prefix6 = null;
        String gw6 = null;
        List<String> dns6 = new ArrayList<>();
        Integer mtu = null;
        List<String> domains = new ArrayList<>();
        for (String raw : lines(out)) {
            // Keys end at the first ": " (IPv6 values contain ':' but never ": ").
            int sep = raw.indexOf(": ");
            if (sep < 0) continue;
            String key = raw.substring(0, sep).trim();
            String value = raw.substring(sep + 2).trim();
            switch (key) {
                case "IP Family" -> family = "IPv4".equalsIgnoreCase(value) ? IpFamily.V4
                        : "IPv6".equalsIgnoreCase(value) ? IpFamily.V6 : null;
                case "IPv4 address" -> v4 = IpLiteral.v4(value);
                case "IPv4 subnet mask" -> prefix4 = IpLiteral.prefixOfMask(value);
                case "IPv4 gateway address" -> gw4 = IpLiteral.v4(value);
                case "IPv4 primary DNS", "IPv4 secondary DNS" -> addIfValid(dns4, IpLiteral.v4(value));
                case "IPv6 address" -> {
                    String[] p = value.split("/", 2);
                    v6 = IpLiteral.v6(p[0]);
                    prefix6 = p.length > 1 ? toInt(p[1]) : null;
                }
                case "IPv6 gateway address" -> gw6 = IpLiteral.v6(value.split("/", 2)[0]);
                case "IPv6 primary DNS", "IPv6 secondary DNS" -> addIfValid(dns6, IpLiteral.v6(value));
                case "MTU" -> mtu = toInt(value);
                case "Domains" -> {
                    if (!value.equals("none")) for (String d : value.split(",\\s*")) if (!d.isBlank()) domains.add(d.trim());
                }
                default -> {
                }
            }
        }
        Ipv4Config ipv4 = v4 == null ? null : new Ipv4Config(v4, prefix4 == null ? 32 : prefix4, gw4, dns4);
        Ipv6Config ipv6 = v6 == null ? null
                : new Ipv6Config(v6, prefix6 == null || prefix6 < 0 || prefix6 > 128 ? 64 : prefix6, gw6, dns6);
        if (ipv4 == null && ipv6 == null) return null;
        if (family == null) family = ipv4 != null ? IpFamily.V4 : IpFamily.V6;
        return new CurrentSettings(family, ipv4, ipv6, mtu, domains);
    }

    private static void addIfValid(List<String> to, String v) {
        if (v != null) to.add(v);
    }

    // ---------------------------------------------------------------- errors

    private static final Pattern PROTOCOL_ERROR = Pattern.compile("QMI protocol error \\((\\d+)\\): '([A-Za-z0-9]+)'");

    /** A QMI protocol error as a tool printed it. */
    public record ErrorText(int code, String nick) {
    }

    /** The QMI protocol error in qmicli's output ({@code QMI protocol error (14): 'CallFailed'}), or null. */
    public static ErrorText protocolError(String text) {
        if (text == null) return null;
        Matcher m = PROTOCOL_ERROR.matcher(text);
        if (!m.find()) return null;
        Integer code = toInt(m.group(1));
        return code == null ? null : new ErrorText(code, m.group(2));
    }

    /** The first {@code error: ...} line (qmicli's own explanation), or null. */
    public static String errorLine(String text) {
        for (String raw : lines(text)) {
            String t = raw.trim();
            if (t.startsWith("error:")) return t;
        }
        return null;
    }
}

package io.ltemodem.qmi;

import io.ltemodem.sys.IpLiteral;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import io.ltemodem.model.Signal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads uqmi's JSON ({@code -s}, one line; modem-domain.md §3.4). Never throws: malformed JSON, a missing key
 * or a value of the wrong type gives null (unknown) for that fact.
 */
public final class UqmiParsers {
    private UqmiParsers() {
    }

    /** The output as one JSON value, or null when it is not JSON. */
    static JsonElement json(String out) {
        if (out == null || out.isBlank()) return null;
        try {
            JsonReader r = new JsonReader(new StringReader(out.trim()));
            r.setStrictness(Strictness.LENIENT);
            JsonElement e = JsonParser.parseReader(r);
            return r.peek() == JsonToken.END_DOCUMENT ? e : null; // one value and nothing after it
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static JsonObject object(String out) {
        JsonElement e = json(out);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    /** A bare JSON string ({@code "online"}); also accepts the word unquoted. Null otherwise. */
    public static String string(String out) {
        JsonElement e = json(out);
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        return null;
    }

    /** A bare JSON number ({@code 305419896}); null otherwise. */
    public static Long number(String out) {
        JsonElement e = json(out);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return null;
        try {
            return e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException ex) {
            return null;
        }
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return null;
        double d = e.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) return null;
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isNumber()) return p.getAsInt() != 0;
        return null;
    }

    // ---------------------------------------------------------------- errors

    /**
     * uqmi's error answer: a bare string such as {@code "Call failed"} (printed instead of the result, exit 255).
     * Null when the output is not a known QMI error.
     */
    public static QmiProtocolError error(String out) {
        return QmiProtocolError.fromText(string(out));
    }

    // ---------------------------------------------------------------- DMS / UIM

    /** {@code --get-device-operating-mode}: {@code "online"}. */
    public static OperatingMode operatingMode(String out) {
        return OperatingMode.parse(string(out));
    }

    /**
     * {@code --uim-get-sim-state}: {@code {"card_slot":1,"card_application_state":"ready","pin1_status":...,
     * "pin1_verify_tries":3,"pin1_unlock_tries":10}}; {@code {}} means no card (uqmi prints nothing for a slot
     * without an application).
     */
    public static CardStatus simState(String out) {
        JsonObject o = object(out);
        if (o == null) return null;
        if (o.size() == 0) return new CardStatus(CardStatus.Card.ABSENT, null, null, null, null, false, null, null, null);
        CardStatus.App app = CardStatus.App.parse(str(o, "card_application_state"));
        CardStatus.Pin pin = CardStatus.Pin.parse(str(o, "pin1_status"));
        if (app == null && pin == null) return null;
        return new CardStatus(CardStatus.Card.PRESENT, app, pin, integer(o, "pin1_verify_tries"),
                integer(o, "pin1_unlock_tries"), false, null, null, null);
    }

    /**
     * {@code --get-pin-status} (DMS, older firmware): only PIN1's state is known; the application state is
     * derived from it (not verified → PIN needed, blocked → PUK needed).
     */
    public static CardStatus pinStatus(String out) {
        JsonObject o = object(out);
        if (o == null) return null;
        CardStatus.Pin pin = CardStatus.Pin.parse(str(o, "pin1_status"));
        if (pin == null) return null;
        CardStatus.App app = switch (pin) {
            case ENABLED_NOT_VERIFIED -> CardStatus.App.PIN_REQUIRED;
            case BLOCKED -> CardStatus.App.PUK_REQUIRED;
            case PERMANENTLY_BLOCKED -> CardStatus.App.ILLEGAL;
            case NOT_INITIALIZED -> CardStatus.App.DETECTED;
            default -> CardStatus.App.READY;
        };
        return new CardStatus(CardStatus.Card.PRESENT, app, pin, integer(o, "pin1_verify_tries"),
                integer(o, "pin1_unblock_tries"), false, null, null, null);
    }

    // ---------------------------------------------------------------- NAS

    /**
     * {@code --get-serving-system}: registration, radio interfaces, PLMN, roaming. uqmi prints no attach state
     * and no cell: those stay null.
     */
    public static ServingSystem servingSystem(String out) {
        JsonObject o = object(out);
        if (o == null) return null;
        ServingSystem.State state = ServingSystem.State.parse(str(o, "registration"));
        if (state == null) return null;
        List<String> radios = new ArrayList<>();
        JsonElement ri = o.get("radio_interface");
        if (ri != null && ri.isJsonArray()) {
            for (JsonElement e : (JsonArray) ri) {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) radios.add(e.getAsString());
            }
        }
        Integer mnc = integer(o, "plmn_mnc");
        return new ServingSystem(state, null, null, radios, bool(o, "roaming"), integer(o, "plmn_mcc"), mnc,
                mnc != null && mnc >= 100 ? 3 : 2, str(o, "plmn_description"), null, null, null);
    }

    /**
     * {@code --get-signal-info}: {@code {"type":"lte","rssi":-65,"rsrq":-9,"rsrp":-95,"snr":12.0}}. With several
     * RATs uqmi repeats the keys in one object (EN-DC: LTE then 5G), so this reads the stream in order: each
     * {@code type} starts a group, and LTE is preferred as in the qmicli parser.
     */
    public static Signal signalInfo(String out) {
        if (out == null || out.isBlank()) return null;
        List<Map<String, Object>> groups = new ArrayList<>();
        try {
            JsonReader r = new JsonReader(new StringReader(out.trim()));
            r.setStrictness(Strictness.LENIENT);
            if (r.peek() != JsonToken.BEGIN_OBJECT) return null;
            r.beginObject();
            Map<String, Object> cur = null;
            while (r.hasNext()) {
                String name = r.nextName();
                JsonToken t = r.peek();
                if (name.equals("type") && t == JsonToken.STRING) {
                    cur = new LinkedHashMap<>();
                    cur.put("type", r.nextString());
                    groups.add(cur);
                } else if (t == JsonToken.NUMBER && cur != null) {
                    cur.put(name, r.nextDouble());
                } else {
                    r.skipValue();
                }
            }
            r.endObject();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (groups.isEmpty()) return Signal.UNKNOWN;
        Map<String, Object> pick = null;
        for (String want : new String[]{"lte", "5gnr", "wcdma", "gsm"}) {
            for (Map<String, Object> g : groups) if (want.equals(g.get("type")) && pick == null) pick = g;
        }
        if (pick == null) return Signal.UNKNOWN;
        String type = (String) pick.get("type");
        Integer rssi = asInt(pick.get(type.equals("gsm") ? "signal" : "rssi"));
        String rat = switch (type) {
            case "lte" -> "lte";
            case "5gnr" -> "nr5g";
            case "wcdma" -> "umts";
            default -> "gsm";
        };
        return new Signal(type.equals("5gnr") ? null : rssi, asInt(pick.get("rsrp")), asDouble(pick.get("rsrq")),
                asDouble(pick.get("snr")), rat, null, null);
    }

    private static Integer asInt(Object v) {
        return v instanceof Double d ? (int) Math.round(d) : null;
    }

    private static Double asDouble(Object v) {
        return v instanceof Double d ? d : null;
    }

    // ---------------------------------------------------------------- WDA

    /**
     * {@code --wda-get-data-format}: the JSON object of uqmi ≥ 2025-07 ({@code {"link-layer-protocol":"raw-ip",...}})
     * or the bare string older uqmi printed ({@code "raw-ip"}, which OpenWrt's qmi.sh still compares with).
     */
    public static DataFormat dataFormat(String out) {
        JsonElement e = json(out);
        if (e == null) return null;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            DataFormat.LinkLayer ll = DataFormat.LinkLayer.parse(e.getAsString());
            return ll == null ? null : new DataFormat(ll, null, null, null);
        }
        if (!e.isJsonObject()) return null;
        JsonObject o = e.getAsJsonObject();
        DataFormat.LinkLayer ll = DataFormat.LinkLayer.parse(str(o, "link-layer-protocol"));
        if (ll == null) return null;
        return new DataFormat(ll, bool(o, "qos-format"), str(o, "data-aggregation-protocol"),
                str(o, "downlink-data-aggregation-protocol"));
    }

    // ---------------------------------------------------------------- WDS

    /** {@code --get-data-status}: {@code "connected"}. */
    public static ConnectionStatus connectionStatus(String out) {
        return ConnectionStatus.parse(string(out));
    }

    /** {@code --get-current-settings}. */
    public static CurrentSettings currentSettings(String out) {
        JsonObject o = object(out);
        if (o == null) return null;
        String fam = str(o, "ip-family");
        Ipv4Config v4 = null;
        JsonElement e4 = o.get("ipv4");
        if (e4 != null && e4.isJsonObject()) {
            JsonObject a = e4.getAsJsonObject();
            String ip = IpLiteral.v4(str(a, "ip"));
            if (ip != null) {
                Integer prefix = IpLiteral.prefixOfMask(str(a, "subnet"));
                List<String> dns = new ArrayList<>();
                for (String k : new String[]{"dns1", "dns2"}) {
                    String d = IpLiteral.v4(str(a, k));
                    if (d != null) dns.add(d);
                }
                v4 = new Ipv4Config(ip, prefix == null ? 32 : prefix, IpLiteral.v4(str(a, "gateway")), dns);
            }
        }
        Ipv6Config v6 = null;
        JsonElement e6 = o.get("ipv6");
        if (e6 != null && e6.isJsonObject()) {
            JsonObject a = e6.getAsJsonObject();
            String ip = IpLiteral.v6(str(a, "ip"));
            if (ip != null) {
                Integer prefix = integer(a, "ip-prefix-length");
                List<String> dns = new ArrayList<>();
                for (String k : new String[]{"dns1", "dns2"}) {
                    String d = IpLiteral.v6(str(a, k));
                    if (d != null) dns.add(d);
                }
                v6 = new Ipv6Config(ip, prefix == null || prefix < 0 || prefix > 128 ? 64 : prefix,
                        IpLiteral.v6(str(a, "gateway")), dns);
            }
        }
        if (v4 == null && v6 == null) return null;
        List<String> domains = new ArrayList<>();
        JsonElement d = o.get("domain-names");
        if (d != null && d.isJsonObject()) {
            for (Map.Entry<String, JsonElement> en : d.getAsJsonObject().entrySet()) {
                if (en.getValue().isJsonPrimitive()) domains.add(en.getValue().getAsString());
            }
        } else if (d != null && d.isJsonArray()) {
            for (JsonElement x : d.getAsJsonArray()) if (x.isJsonPrimitive()) domains.add(x.getAsString());
        }
        IpFamily family = "ipv6".equalsIgnoreCase(fam) ? IpFamily.V6 : "ipv4".equalsIgnoreCase(fam) ? IpFamily.V4
                : v4 != null ? IpFamily.V4 : IpFamily.V6;
        return new CurrentSettings(family, v4, v6, integer(o, "mtu"), domains);
    }
}

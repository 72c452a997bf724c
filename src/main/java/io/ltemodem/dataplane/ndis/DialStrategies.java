package io.ltemodem.dataplane.ndis;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.ltemodem.device.ModemProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks the {@link DialStrategy} for a modem from data ({@code dial-strategies.json}), the way vendor quirks are
 * kept in profiles (DESIGN §2): the profile's quirks first ({@code ndisdup} → Huawei NDISDUP, {@code qnetdevctl} →
 * Quectel QNETDEVCTL), then its id, then the 27.007 default ({@code +CGACT}).
 */
public final class DialStrategies {
    private static final String RESOURCE = "/io/ltemodem/dataplane/ndis/dial-strategies.json";

    /** Every strategy there is, by id. */
    private static final Map<String, DialStrategy> ALL = Map.of(
            "quectel-qnetdevctl", new QuectelQnetdevctlDial(),
            "huawei-ndisdup", new HuaweiNdisdupDial(),
            "cgact", new CgactDial());

    private final Map<String, String> byQuirk;
    private final Map<String, String> byProfile;
    private final String dflt;

    private DialStrategies(Map<String, String> byQuirk, Map<String, String> byProfile, String dflt) {
        this.byQuirk = Map.copyOf(byQuirk);
        this.byProfile = Map.copyOf(byProfile);
        this.dflt = dflt;
        for (String id : byQuirk.values()) require(id);
        for (String id : byProfile.values()) require(id);
        require(dflt);
    }

    private static void require(String id) {
        if (!ALL.containsKey(id)) throw new IllegalArgumentException("dial strategies: unknown strategy '" + id + "'; known: " + ALL.keySet());
    }

    /** The shipped table. */
    public static DialStrategies load() {
        try (InputStream in = DialStrategies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** A table of the same shape: {@code {"byQuirk": {...}, "byProfile": {...}, "default": "cgact"}}. */
    public static DialStrategies parse(Reader json) {
        try {
            com.google.gson.JsonObject o = new Gson().fromJson(json, com.google.gson.JsonObject.class);
            if (o == null) throw new IllegalArgumentException("dial strategies: empty");
            Map<String, String> q = strings(o.getAsJsonObject("byQuirk"));
            Map<String, String> p = strings(o.getAsJsonObject("byProfile"));
            String d = o.has("default") ? o.get("default").getAsString() : "cgact";
            return new DialStrategies(q, p, d);
        } catch (JsonParseException | ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("dial strategies: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> strings(com.google.gson.JsonObject o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o != null) for (Map.Entry<String, com.google.gson.JsonElement> e : o.entrySet()) m.put(e.getKey(), e.getValue().getAsString());
        return m;
    }

    /** The strategy for {@code profile}. */
    public DialStrategy forProfile(ModemProfile profile) {
        return ALL.get(idFor(profile));
    }

    /** The strategy id for {@code profile}, and why (for logs): quirk, profile or default. */
    public String idFor(ModemProfile profile) {
        for (String quirk : profile.quirks()) {
            String id = byQuirk.get(quirk);
            if (id != null) return id;
        }
        String id = byProfile.get(profile.id());
        return id != null ? id : dflt;
    }

    /** A strategy by id, or null. */
    public static DialStrategy byId(String id) {
        return ALL.get(id);
    }
}

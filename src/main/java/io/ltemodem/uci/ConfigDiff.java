package io.ltemodem.uci;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.ConfigSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a reload changes: modems added, removed, and changed (with the UCI names of the options that differ), and
 * the daemon options that differ. Only these need applying; unchanged modems are left alone. Option names only,
 * never values, so the description is safe to log and to return over ubus even for a changed PIN.
 */
public record ConfigDiff(List<ModemConfig> added, List<String> removed, Map<String, List<String>> changed,
                         List<String> daemonChanged) {
    public ConfigDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changed));
        daemonChanged = List.copyOf(daemonChanged);
    }

    public static ConfigDiff between(ConfigSource.Loaded before, ConfigSource.Loaded after) {
        Map<String, ModemConfig> old = byName(before == null ? List.of() : before.modems());
        Map<String, ModemConfig> now = byName(after.modems());
        List<ModemConfig> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (String name : old.keySet()) if (!now.containsKey(name)) removed.add(name);
        for (ModemConfig m : now.values()) {
            ModemConfig o = old.get(m.name());
            if (o == null) {
                added.add(m);
            } else {
                List<String> fields = differing(ConfigFields.INTERFACE, o, m);
                if (!fields.isEmpty()) changed.put(m.name(), fields);
            }
        }
        DaemonConfig d0 = before == null ? null : before.daemon();
        List<String> daemon = d0 == null ? List.of() : differing(ConfigFields.DAEMON, d0, after.daemon());
        return new ConfigDiff(added, removed, changed, daemon);
    }

    public static ConfigDiff between(List<ModemConfig> before, List<ModemConfig> after) {
        return between(new ConfigSource.Loaded(null, before, List.of()), new ConfigSource.Loaded(null, after, List.of()));
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && daemonChanged.isEmpty();
    }

    /** One line per change: {@code wwan: added}, {@code wwan: changed apn, pincode}, {@code daemon: changed ...}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (ModemConfig m : added) out.add(m.name() + ": added");
        for (String r : removed) out.add(r + ": removed");
        for (Map.Entry<String, List<String>> e : changed.entrySet()) {
            out.add(e.getKey() + ": changed " + String.join(", ", e.getValue()));
        }
        if (!daemonChanged.isEmpty()) out.add("daemon: changed " + String.join(", ", daemonChanged));
        return out;
    }

    private static Map<String, ModemConfig> byName(List<ModemConfig> l) {
        Map<String, ModemConfig> m = new LinkedHashMap<>();
        for (ModemConfig c : l) m.put(c.name(), c);
        return m;
    }

    private static <T> List<String> differing(Map<String, Function<T, Object>> fields, T a, T b) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Function<T, Object>> f : fields.entrySet()) {
            if (!Objects.equals(f.getValue().apply(a), f.getValue().apply(b))) out.add(f.getKey());
        }
        return out;
    }
}

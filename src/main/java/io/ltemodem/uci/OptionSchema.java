package io.ltemodem.uci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The UCI options the daemon reads, loaded from {@code options.json} (the single source of truth shared with the
 * netifd proto script and LuCI): per option its type, default and limits, and whether it is a secret. Checking a
 * raw value gives the typed value or an {@link InvalidValue} that says what was expected.
 */
public final class OptionSchema {
    public static final String RESOURCE = "/io/ltemodem/config/options.json";

    public enum Type { STRING, ENUM, INT, BOOLEAN, LIST }

    /** A value that does not fit its option; {@link #getMessage()} says what was expected (never the value). */
    public static final class InvalidValue extends Exception {
        public InvalidValue(String expected) {
            super(expected, null, false, false);
        }
    }

    private static final Set<String> TRUE = Set.of("1", "on", "true", "yes", "enabled");
    private static final Set<String> FALSE = Set.of("0", "off", "false", "no", "disabled");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    /** One option of options.json. {@code min}/{@code max}: range for int, length for string, entries for list. */
    public record Option(String name, Type type, JsonElement defaultJson, Long min, Long max, Pattern pattern,
                         List<String> values, boolean secret, String help) {
        public Option {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** The default as the typed value ({@code String}, {@code Long}, {@code Boolean}, {@code List<String>}). */
        public Object defaultValue() {
            return switch (type) {
                case STRING, ENUM -> defaultJson == null ? "" : defaultJson.getAsString();
                case INT -> defaultJson == null ? 0L : defaultJson.getAsLong();
                case BOOLEAN -> defaultJson != null && defaultJson.getAsBoolean();
                case LIST -> {
                    List<String> l = new ArrayList<>();
                    if (defaultJson != null && defaultJson.isJsonArray()) for (JsonElement e : defaultJson.getAsJsonArray()) l.add(e.getAsString());
                    yield List.copyOf(l);
                }
            };
        }

        /** The typed value of a raw UCI option, or why it does not fit. */
        public Object parse(UciOption raw) throws InvalidValue {
            if (type == Type.LIST) return parseList(raw.isList() ? raw.values() : splitWords(raw.value()));
            if (raw.isList()) throw new InvalidValue("a single value (option), not a list");
            String v = raw.value();
            return switch (type) {
                case STRING -> {
                    if (max != null && v.length() > max) throw new InvalidValue("at most " + max + " characters");
                    if (pattern != null && !pattern.matcher(v).matches()) throw new InvalidValue("a value matching " + pattern.pattern());
                    yield v;
                }
                case ENUM -> {
                    for (String allowed : values) if (allowed.equalsIgnoreCase(v)) yield allowed;
                    throw new InvalidValue("one of " + String.join(", ", values));
                }
                case INT -> {
                    String t = v.trim();
                    if (!INTEGER.matcher(t).matches()) throw new InvalidValue("a whole number" + range());
                    long n = Long.parseLong(t);
                    if ((min != null && n < min) || (max != null && n > max)) throw new InvalidValue("a whole number" + range());
                    yield n;
                }
                case BOOLEAN -> {
                    String l = v.trim().toLowerCase(Locale.ROOT);
                    if (TRUE.contains(l)) yield true;
                    if (FALSE.contains(l)) yield false;
                    throw new InvalidValue("a boolean (1/0, on/off, true/false, yes/no, enabled/disabled)");
                }
                case LIST -> throw new IllegalStateException();
            };
        }

        private List<String> parseList(List<String> items) throws InvalidValue {
            List<String> out = new ArrayList<>();
            for (String i : items) if (!i.isEmpty()) out.add(i);
            if (max != null && out.size() > max) throw new InvalidValue("at most " + max + " entries");
            for (String i : out) {
                if (pattern != null && !pattern.matcher(i).matches()) {
                    throw new InvalidValue("entries matching " + pattern.pattern() + (secret ? "" : " (not '" + i + "')"));
                }
            }
            return List.copyOf(out);
        }

        private String range() {
            if (min != null && max != null) return " from " + min + " to " + max;
            if (min != null) return " of at least " + min;
            if (max != null) return " of at most " + max;
            return "";
        }
    }

    private final List<Option> interfaceOptions;
    private final List<Option> daemonOptions;

    private OptionSchema(List<Option> interfaceOptions, List<Option> daemonOptions) {
        this.interfaceOptions = List.copyOf(interfaceOptions);
        this.daemonOptions = List.copyOf(daemonOptions);
    }

    /** The schema shipped in the JAR. */
    public static OptionSchema load() {
        try (InputStream in = OptionSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the classpath");
            return parse(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OptionSchema parse(JsonObject root) {
        return new OptionSchema(options(root.getAsJsonArray("interface")), options(root.getAsJsonArray("daemon")));
    }

    private static List<Option> options(JsonArray a) {
        List<Option> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("name").getAsString();
            Type type = Type.valueOf(o.get("type").getAsString().toUpperCase(Locale.ROOT));
            List<String> values = new ArrayList<>();
            if (o.has("values")) for (JsonElement v : o.getAsJsonArray("values")) values.add(v.getAsString());
            out.add(new Option(name, type, o.get("default"),
                    o.has("min") ? o.get("min").getAsLong() : null,
                    o.has("max") ? o.get("max").getAsLong() : null,
                    o.has("pattern") ? Pattern.compile(o.get("pattern").getAsString()) : null,
                    values, o.has("secret") && o.get("secret").getAsBoolean(),
                    o.has("help") ? o.get("help").getAsString() : null));
        }
        return out;
    }

    public List<Option> interfaceOptions() {
        return interfaceOptions;
    }

    public List<Option> daemonOptions() {
        return daemonOptions;
    }

    public Option interfaceOption(String name) {
        for (Option o : interfaceOptions) if (o.name().equals(name)) return o;
        return null;
    }

    public Option daemonOption(String name) {
        for (Option o : daemonOptions) if (o.name().equals(name)) return o;
        return null;
    }

    static List<String> splitWords(String v) {
        List<String> out = new ArrayList<>();
        for (String w : v.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}

package io.ltemodem.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fault timeline for demos and tests, read from JSON:
 *
 * <pre>{@code
 * { "name": "flaky cell",
 *   "steps": [
 *     { "at": 0,     "do": "slowReplies", "ms": 200 },
 *     { "at": 30000, "do": "networkDeactivatesContext", "cid": 1 },
 *     { "at": 60000, "do": "registrationLost", "backAfterMs": 10000 } ] }
 * }</pre>
 *
 * {@code at} is milliseconds of the simulator's clock after {@link SimModem#play(Scenario)}. Every step is checked
 * when the file is read (unknown actions, unknown or missing arguments), so a typo fails at once, not an hour in.
 */
public final class Scenario {
    /** One step: when, what, with which arguments. */
    public record Step(long at, String action, JsonObject args) {
    }

    /** An action: its arguments (name → required) and what it does. */
    private record Action(Map<String, Boolean> params, Effect effect) {
    }

    @FunctionalInterface
    private interface Effect {
        void apply(SimModem sim, Args a);
    }

    /** Typed access to a step's arguments. */
    private record Args(JsonObject o) {
        long millis(String name, long dflt) {
            return o.has(name) ? o.get(name).getAsLong() : dflt;
        }

        int integer(String name, int dflt) {
            return o.has(name) ? o.get(name).getAsInt() : dflt;
        }

        String string(String name, String dflt) {
            return o.has(name) ? o.get(name).getAsString() : dflt;
        }
    }

    private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    private static void action(String name, Effect e, String... params) {
        Map<String, Boolean> p = new LinkedHashMap<>();
        for (String s : params) {
            boolean optional = s.endsWith("?");
            p.put(optional ? s.substring(0, s.length() - 1) : s, !optional);
        }
        ACTIONS.put(name, new Action(p, e));
    }

    static {
        action("silence", (s, a) -> {
            if (a.o().has("ms")) s.faults().silence(a.millis("ms", 0));
            else s.faults().silenceUntilCleared();
        }, "ms?");
        action("speak", (s, a) -> s.faults().speak());
        action("garbage", (s, a) -> s.faults().garbage(a.integer("bytes", 32)), "bytes?");
        action("slowReplies", (s, a) -> s.faults().slowReplies(a.millis("ms", 0)), "ms");
        action("fragmentReplies", (s, a) -> s.faults().fragmentReplies(a.integer("bytes", 0), a.millis("gapMs", 5)),
                "bytes", "gapMs?");
        action("echoOn", (s, a) -> s.faults().echoOn());
        action("urcStorm", (s, a) -> s.faults().urcStorm(a.integer("count", 0), a.millis("intervalMs", 0),
                a.string("line", Faults.DEFAULT_STORM_URC)), "count", "intervalMs?", "line?");
        action("injectUrc", (s, a) -> s.faults().injectUrc(a.string("line", "")), "line");
        action("urcInNextResponse", (s, a) -> s.faults().urcInNextResponse(a.string("line", "")), "line");
        action("portVanishes", (s, a) -> s.faults().portVanishes(a.millis("ms", 0)), "ms");
        action("clearPortFaults", (s, a) -> s.faults().clearPortFaults());
        action("networkDeactivatesContext", (s, a) -> s.faults().networkDeactivatesContext(a.integer("cid", 1)), "cid?");
        action("ipLost", (s, a) -> s.faults().ipLost(a.integer("cid", 1)), "cid?");
        action("dataPathDies", (s, a) -> s.faults().dataPathDies(a.integer("cid", 1)), "cid?");
        action("registrationLost", (s, a) -> {
            if (a.o().has("backAfterMs")) s.faults().registrationLost(a.millis("backAfterMs", 0));
            else s.faults().registrationLostForGood();
        }, "backAfterMs?");
        action("registrationRestored", (s, a) -> s.faults().registrationRestored());
        action("registrationOutcome", (s, a) -> s.model().setRegistrationOutcome(
                Registration.valueOf(a.string("value", "").toUpperCase(Locale.ROOT))), "value");
        action("simRemoved", (s, a) -> s.faults().simRemoved());
        action("simInserted", (s, a) -> s.faults().simInserted());
        action("simBusy", (s, a) -> s.faults().simBusy(a.millis("ms", 0)), "ms");
        action("reboot", (s, a) -> s.faults().reboot());
        action("powerOff", (s, a) -> s.powerOff());
        action("powerOn", (s, a) -> s.powerOn());
        action("signal", (s, a) -> {
            RadioSignal now = s.model().signal();
            s.model().setSignal(new RadioSignal(a.integer("rssi", now.rssiDbm()), a.integer("rsrp", now.rsrpDbm()),
                    a.o().has("rsrq") ? a.o().get("rsrq").getAsDouble() : now.rsrqDb(), a.integer("sinr", now.sinrDb())));
        }, "rssi?", "rsrp?", "rsrq?", "sinr?");
    }

    /** The action names a step's {@code do} may use. */
    public static Set<String> actions() {
        return ACTIONS.keySet();
    }

    private final String name;
    private final List<Step> steps;

    private Scenario(String name, List<Step> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    public String name() {
        return name;
    }

    public List<Step> steps() {
        return steps;
    }

    public static Scenario load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A scenario on the class path, e.g. {@code /io/ltemodem/sim/scenarios/flaky.json}. */
    public static Scenario fromResource(String resource) throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no such resource " + resource);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Reads and checks a scenario; the message of a bad one names the step and what is wrong. */
    public static Scenario parse(String json) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) throw new IllegalArgumentException("scenario must be a JSON object");
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("bad scenario JSON: " + e.getMessage(), e);
        }
        String name = root.has("name") ? root.get("name").getAsString() : "scenario";
        if (!root.has("steps") || !root.get("steps").isJsonArray()) {
            throw new IllegalArgumentException("scenario has no \"steps\" array");
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        for (JsonElement e : root.getAsJsonArray("steps")) {
            steps.add(step(i++, e));
        }
        return new Scenario(name, steps);
    }

    private static Step step(int index, JsonElement e) {
        String where = "step " + index;
        if (!e.isJsonObject()) throw new IllegalArgumentException(where + ": not an object");
        JsonObject o = e.getAsJsonObject();
        if (!o.has("do")) throw new IllegalArgumentException(where + ": no \"do\"");
        String what = o.get("do").getAsString();
        Action a = ACTIONS.get(what);
        if (a == null) throw new IllegalArgumentException(where + ": unknown action '" + what + "'; known: " + ACTIONS.keySet());
        long at;
        try {
            at = o.has("at") ? o.get("at").getAsLong() : 0;
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(where + ": \"at\" must be milliseconds");
        }
        if (at < 0) throw new IllegalArgumentException(where + ": \"at\" must not be negative");
        JsonObject args = new JsonObject();
        for (Map.Entry<String, JsonElement> kv : o.entrySet()) {
            String k = kv.getKey();
            if (k.equals("at") || k.equals("do") || k.startsWith("_")) continue; // "_comment" and friends
            if (!a.params().containsKey(k)) {
                throw new IllegalArgumentException(where + " (" + what + "): unknown argument '" + k + "'; takes " + a.params().keySet());
            }
            args.add(k, kv.getValue());
        }
        for (Map.Entry<String, Boolean> p : a.params().entrySet()) {
            if (p.getValue() && !args.has(p.getKey())) {
                throw new IllegalArgumentException(where + " (" + what + "): missing argument '" + p.getKey() + "'");
            }
        }
        try {
            // check the types now: a step's arguments are read again when it runs
            dryRunTypes(what, args);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(where + " (" + what + "): bad argument: " + ex.getMessage(), ex);
        }
        return new Step(at, what, args);
    }

    private static void dryRunTypes(String what, JsonObject args) {
        for (Map.Entry<String, JsonElement> kv : args.entrySet()) {
            String k = kv.getKey();
            JsonElement v = kv.getValue();
            if (k.equals("line") || k.equals("value")) {
                v.getAsString();
            } else if (k.equals("rsrq")) {
                v.getAsDouble();
            } else if (v.getAsLong() < 0) {
                throw new IllegalArgumentException(k + " must not be negative");
            }
        }
        if (what.equals("registrationOutcome")) {
            Registration r = Registration.valueOf(args.get("value").getAsString().toUpperCase(Locale.ROOT));
            if (r != Registration.HOME && r != Registration.ROAMING && r != Registration.DENIED) {
                throw new IllegalArgumentException("value must be home, roaming or denied");
            }
        }
    }

    /** Runs one step now (used by {@link ScenarioRun}). */
    static void apply(SimModem sim, Step step) {
        ACTIONS.get(step.action()).effect().apply(sim, new Args(step.args()));
    }
}

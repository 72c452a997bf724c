package io.ltemodem.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.engine.DaemonApi;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.sys.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The methods of the {@code ltemodem} object (DESIGN §6), independent of any transport.
 *
 * <p>{@link #dispatch} validates the arguments against {@link #methods()} first: a wrong type, an over-long string,
 * a bad enum value or a missing required argument answers {@code INVALID_ARGUMENT} before anything reaches the
 * daemon, so bad input never changes state. Unknown fields are ignored. An unknown modem answers
 * {@code NOT_FOUND}.
 *
 * <p>Quick methods (everything that reads the cache or only records a wish) answer with an already completed
 * future. {@code connect} waits for the engine; {@code at} and {@code reload} talk to a modem or the disk, so they
 * run on a worker and complete later. A transport answers completed futures at once and defers the others.
 */
public final class ApiDispatcher {
    private static final Logger log = LoggerFactory.getLogger(ApiDispatcher.class);

    /** netifd-side default: answer before the {@code ubus} CLI's default 30 s timeout. */
    public static final int DEFAULT_CONNECT_TIMEOUT_S = 25;
    public static final int DEFAULT_AT_TIMEOUT_S = 5;
    /** Reply limits for {@code at}: a runaway modem must not produce a megabyte reply. */
    static final int MAX_AT_LINES = 200;
    static final int MAX_AT_LINE = 1024;
    static final int WORKERS = 4;
    static final int QUEUED_CALLS = 32;

    static final List<String> RESET_LEVELS = List.of("session", "radio", "modem", "usb", "power");
    static final List<String> HOTPLUG_ACTIONS = List.of("add", "remove", "change", "move", "bind", "unbind",
            "online", "offline");

    /** Hotplug names are paths below /dev and /sys: a {@code ..} segment never belongs in one. */
    private static final String NO_DOTDOT = "(?!(?:.*/)?\\.\\.(?:/|$))";
    public static final MethodSpec LIST = MethodSpec.of("list");
    public static final MethodSpec STATUS = MethodSpec.of("status", ArgSpec.modem("modem", false));
    public static final MethodSpec INFO = MethodSpec.of("info", ArgSpec.modem("modem", true));
    public static final MethodSpec SIGNAL = MethodSpec.of("signal", ArgSpec.modem("modem", true));
    public static final MethodSpec CONNECT = MethodSpec.of("connect", ArgSpec.modem("interface", true),
            ArgSpec.integer("timeout", false, 1, 3600));
    public static final MethodSpec DISCONNECT = MethodSpec.of("disconnect", ArgSpec.modem("interface", true));
    public static final MethodSpec RESET = MethodSpec.of("reset", ArgSpec.modem("modem", true),
            ArgSpec.choice("level", false, RESET_LEVELS));
    public static final MethodSpec AT = MethodSpec.of("at", ArgSpec.modem("modem", true),
            ArgSpec.text("command", true, AtConsolePolicy.MAX_LENGTH), ArgSpec.integer("timeout", false, 1, 300));
    public static final MethodSpec RELOAD = MethodSpec.of("reload");
    public static final MethodSpec HOTPLUG = MethodSpec.of("hotplug", ArgSpec.choice("action", true, HOTPLUG_ACTIONS),
            ArgSpec.text("subsystem", true, 32, Pattern.compile("[a-z0-9_-]+"), "a kernel subsystem name such as usb or tty"),
            ArgSpec.text("devname", false, ArgSpec.MAX_STRING, Pattern.compile(NO_DOTDOT + "[A-Za-z0-9._/:-]+"),
                    "a device name (no '..')"),
            ArgSpec.text("devpath", false, ArgSpec.MAX_STRING, Pattern.compile(NO_DOTDOT + "[A-Za-z0-9._/:+-]+"),
                    "a sysfs device path (no '..')"));

    private static final List<MethodSpec> METHODS = List.of(LIST, STATUS, INFO, SIGNAL, CONNECT, DISCONNECT, RESET,
            AT, RELOAD, HOTPLUG);

    private final DaemonApi api;
    private final StatusJson json;
    private final Executor blocking;
    private final Map<String, MethodSpec> byName = new LinkedHashMap<>();

    /** With the system clock and a small worker pool for {@code at} and {@code reload}. */
    public ApiDispatcher(DaemonApi api) {
        this(api, StatusJson.TimeBase.of(Clock.SYSTEM), defaultWorkers());
    }

    /**
     * @param time     converts the engine clock to wall time for {@code since}
     * @param blocking runs {@code at} and {@code reload} (a direct executor makes them synchronous in tests)
     */
    public ApiDispatcher(DaemonApi api, StatusJson.TimeBase time, Executor blocking) {
        this.api = api;
        this.json = new StatusJson(time);
        this.blocking = blocking;
        for (MethodSpec m : METHODS) byName.put(m.name(), m);
    }

    /**
     * A few workers with a short queue: AT commands are serialised per modem anyway, and a client flooding slow
     * calls must get refusals, not one blocked thread per call.
     */
    private static ExecutorService defaultWorkers() {
        ThreadPoolExecutor e = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_CALLS), r -> {
            Thread t = new Thread(r, "ltemodem-api");
            t.setDaemon(true);
            return t;
        });
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    /** The method table, in publication order. */
    public List<MethodSpec> methods() {
        return METHODS;
    }

    public StatusJson json() {
        return json;
    }

    /** Serves one call. Never throws; the future never completes exceptionally. */
    public CompletableFuture<Reply> dispatch(String method, JsonObject args) {
        MethodSpec spec = method == null ? null : byName.get(method);
        if (spec == null) {
            return done(Reply.error(UbusStatus.METHOD_NOT_FOUND, "no method " + ArgSpec.quote(method)));
        }
        try {
            Map<String, Object> a = spec.validate(args == null ? new JsonObject() : args);
            return switch (spec.name()) {
                case "list" -> done(list());
                case "status" -> done(status((String) a.get("modem")));
                case "info" -> done(info((String) a.get("modem")));
                case "signal" -> done(signal((String) a.get("modem")));
                case "connect" -> connect((String) a.get("interface"),
                        seconds(a.get("timeout"), DEFAULT_CONNECT_TIMEOUT_S));
                case "disconnect" -> done(disconnect((String) a.get("interface")));
                case "reset" -> done(reset((String) a.get("modem"), (String) a.getOrDefault("level", "modem")));
                case "at" -> at((String) a.get("modem"), (String) a.get("command"),
                        seconds(a.get("timeout"), DEFAULT_AT_TIMEOUT_S));
                case "reload" -> async(this::reload);
                case "hotplug" -> done(hotplug((String) a.get("action"), (String) a.get("subsystem"),
                        (String) a.get("devname"), (String) a.get("devpath")));
                default -> done(Reply.error(UbusStatus.METHOD_NOT_FOUND, "no method " + ArgSpec.quote(method)));
            };
        } catch (ApiException e) {
            log.debug("{}: {}", method, e.getMessage());
            return done(e.toReply());
        } catch (RuntimeException e) {
            log.warn("{} failed", method, e);
            return done(Reply.error(UbusStatus.UNKNOWN_ERROR, method + " failed inside the daemon (see the log)"));
        }
    }

    /** Convenience for callers that want the answer now (tests, CLI): waits for deferred methods. */
    public Reply call(String method, JsonObject args) {
        return dispatch(method, args).join();
    }

    private Reply list() {
        JsonArray modems = new JsonArray();
        for (ModemStatus s : api.statuses()) modems.add(json.listEntry(s, api.device(s.modem())));
        JsonObject o = new JsonObject();
        o.add("modems", modems);
        return Reply.ok(o);
    }

    private Reply status(String modem) {
        if (modem != null) return Reply.ok(json.status(known(modem)));
        List<ModemStatus> all = api.statuses();
        if (all.size() == 1) return Reply.ok(json.status(all.get(0)));
        JsonObject modems = new JsonObject();
        for (ModemStatus s : all) modems.add(s.modem(), json.status(s));
        JsonObject o = new JsonObject();
        o.add("modems", modems);
        return Reply.ok(o);
    }

    private Reply info(String modem) {
        ModemStatus s = known(modem);
        return Reply.ok(json.info(s, api.device(modem)));
    }

    private Reply signal(String modem) {
        return Reply.ok(json.signal(known(modem)));
    }

    private CompletableFuture<Reply> connect(String modem, long timeoutMs) {
        known(modem);
        CompletableFuture<ModemStatus> f;
        try {
            f = api.connect(modem, timeoutMs);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no modem '" + modem + "'");
        }
        return f.handle((s, t) -> {
            if (t != null || s == null) {
                log.warn("connect {} failed", modem, t);
                return Reply.error(UbusStatus.UNKNOWN_ERROR, "connect failed inside the daemon (see the log)");
            }
            return Reply.ok(json.connectReply(s));
        });
    }

    private Reply disconnect(String modem) {
        known(modem);
        api.disconnect(modem);
        return Reply.ok(new JsonObject());
    }

    private Reply reset(String modem, String level) {
        known(modem);
        RecoveryLevel l = RecoveryLevel.fromWireName(level);
        if (l == null || !RESET_LEVELS.contains(level)) throw ApiException.invalid("'level' is not a reset level");
        if (!api.reset(modem, l)) throw ApiException.notFound("no modem '" + modem + "'");
        JsonObject o = new JsonObject();
        o.addProperty("accepted", true);
        o.addProperty("level", l.wireName());
        return Reply.ok(o);
    }

    private CompletableFuture<Reply> at(String modem, String command, long timeoutMs) {
        known(modem);
        DaemonConfig cfg = api.daemonConfig();
        AtConsolePolicy.Verdict v = AtConsolePolicy.check(command, cfg != null && cfg.atAllowDangerous());
        if (!v.allowed()) {
            log.info("at {}: {}", modem, v.reason());
            return done(Reply.error(v.status(), v.reason()));
        }
        log.info("at {}: {}", modem, AtCommand.mask(command));
        return async(() -> {
            AtResult r = api.at(modem, command, timeoutMs);
            if (r == null) return Reply.error(UbusStatus.NOT_FOUND, "no modem '" + modem + "'");
            return Reply.ok(atReply(r));
        });
    }

    /** {result, lines[]}: lines masked (an echoed {@code AT+CPIN=...} must not show the PIN) and capped. */
    static JsonObject atReply(AtResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("result", resultText(r));
        JsonArray lines = new JsonArray();
        int n = 0;
        for (String l : r.lines()) {
            if (n++ == MAX_AT_LINES) {
                o.addProperty("truncated", true);
                break;
            }
            String masked = AtCommand.mask(l);
            lines.add(masked.length() > MAX_AT_LINE ? masked.substring(0, MAX_AT_LINE) : masked);
        }
        o.add("lines", lines);
        return o;
    }

    private static String resultText(AtResult r) {
        return switch (r.kind()) {
            case OK -> "OK";
            case ERROR -> "ERROR";
            case CME_ERROR -> "+CME ERROR: " + (r.cme() != null ? r.cme() : r.errorText());
            case CMS_ERROR -> "+CMS ERROR: " + (r.cme() != null ? r.cme() : r.errorText());
            case NO_CARRIER -> "NO CARRIER";
            case NO_ANSWER -> "NO ANSWER";
            case NO_DIALTONE -> "NO DIALTONE";
            case NOT_SUPPORTED -> "COMMAND NOT SUPPORT";
            default -> r.kind().name();
        };
    }

    private Reply reload() {
        List<String> changes = api.reload();
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (String c : changes) a.add(c);
        o.add("changes", a);
        return Reply.ok(o);
    }

    private Reply hotplug(String action, String subsystem, String devname, String devpath) {
        api.hotplug(action, subsystem, devname, devpath);
        return Reply.ok(new JsonObject());
    }

    private ModemStatus known(String modem) {
        ModemStatus s = api.status(modem);
        if (s == null) throw ApiException.notFound("no modem '" + modem + "'");
        return s;
    }

    private CompletableFuture<Reply> async(java.util.function.Supplier<Reply> work) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        try {
            blocking.execute(() -> {
                try {
                    f.complete(work.get());
                } catch (ApiException e) {
                    f.complete(e.toReply());
                } catch (RuntimeException e) {
                    log.warn("call failed", e);
                    f.complete(Reply.error(UbusStatus.UNKNOWN_ERROR, "failed inside the daemon (see the log)"));
                }
            });
        } catch (RejectedExecutionException e) {
            f.complete(Reply.error(UbusStatus.UNKNOWN_ERROR, "busy: too many slow calls in progress, try again"));
        }
        return f;
    }

    private static long seconds(Object v, int dflt) {
        return (v == null ? dflt : (Long) v) * 1000L;
    }

    private static CompletableFuture<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }
}

package io.ltemodem.uci;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.ConfigSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration (DESIGN §7) and validates it against {@link OptionSchema}: every
 * {@code config interface} with {@code option proto 'ltemodem'} in {@code network} becomes a {@link ModemConfig},
 * and the {@code config ltemodem} section (preferably named {@code main}) of {@code ltemodem} the
 * {@link DaemonConfig}.
 *
 * <p>Every bad value gives one error naming file, section, option and value (for a secret option the value is
 * not shown) and what was expected. Consequences, chosen so one mistake never takes the others down:
 * <ul>
 *   <li>a bad value in an interface: that interface is not started (running a modem with an APN, PIN or device
 *   the user did not write is worse than not running it); the other modems are unaffected;</li>
 *   <li>a bad daemon value: its default is used;</li>
 *   <li>a file that does not parse: the last good reading of that file is kept (on the first load: no modems /
 *   defaults), so a typo during {@code reload} does not stop running modems;</li>
 *   <li>no {@code /etc/config/ltemodem}: defaults, silently. No {@code network}: no modems, with an error.</li>
 * </ul>
 */
public final class ConfigReader implements ConfigSource {
    private static final Logger log = LoggerFactory.getLogger(ConfigReader.class);
    public static final Path DEFAULT_CONFDIR = Path.of("/etc/config");
    public static final String PROTO = "ltemodem";

    private final Path confdir;
    private final UciBackend backend;
    private final OptionSchema schema;
    private final Map<String, UciPackage> lastGood = new HashMap<>();

    public ConfigReader(Path confdir, UciBackend backend) {
        this(confdir, backend, OptionSchema.load());
    }

    public ConfigReader(Path confdir, UciBackend backend, OptionSchema schema) {
        this.confdir = confdir;
        this.backend = backend;
        this.schema = schema;
    }

    /** {@code /etc/config} through libuci when it loads, else through the built-in parser (said once in the log). */
    public static ConfigReader system() {
        return forDirectory(DEFAULT_CONFDIR);
    }

    public static ConfigReader forDirectory(Path confdir) {
        UciBackend b = NativeUci.ifAvailable().<UciBackend>map(n -> n).orElseGet(() -> {
            log.info("libuci not found: reading {} with the built-in UCI parser", confdir);
            return new UciTextParser();
        });
        return new ConfigReader(confdir, b);
    }

    public UciBackend backend() {
        return backend;
    }

    public Path confdir() {
        return confdir;
    }

    @Override
    public synchronized Loaded load() {
        List<String> errors = new ArrayList<>();
        List<ModemConfig> modems = new ArrayList<>();
        UciPackage network = read("network", true, errors);
        if (network != null) {
            for (UciSection s : network.sectionsOfType("interface")) {
                if (!PROTO.equals(s.string("proto"))) continue;
                ModemConfig m = modem(network.name(), s, errors);
                if (m != null) modems.add(m);
            }
        }
        DaemonConfig daemon = daemon(read("ltemodem", false, errors), errors);
        return new Loaded(daemon, modems, errors);
    }

    private UciPackage read(String name, boolean required, List<String> errors) {
        try {
            UciPackage p = backend.load(confdir, name);
            lastGood.put(name, p);
            return p;
        } catch (UciException e) {
            if (e.kind() == UciException.Kind.NOT_FOUND) {
                lastGood.remove(name);
                if (required) errors.add(e.getMessage() + ": no modems configured");
                return null;
            }
            UciPackage previous = lastGood.get(name);
            if (previous != null) {
                errors.add(e.getMessage() + "; keeping the previous configuration of " + name);
                return previous;
            }
            errors.add(e.getMessage() + (required ? "; no modems started from it" : "; using the defaults"));
            return null;
        }
    }

    private ModemConfig modem(String pkg, UciSection s, List<String> errors) {
        Map<String, Object> v = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (OptionSchema.Option opt : schema.interfaceOptions()) {
            UciOption raw = s.option(opt.name());
            if (raw == null) {
                v.put(opt.name(), opt.defaultValue());
                continue;
            }
            try {
                v.put(opt.name(), opt.parse(raw));
            } catch (OptionSchema.InvalidValue e) {
                problems.add(describe(pkg, s, opt, raw, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            for (String p : problems) errors.add(p + "; interface " + s.name() + " not started");
            return null;
        }
        return ConfigFields.modem(s.name(), v);
    }

    private DaemonConfig daemon(UciPackage pkg, List<String> errors) {
        Map<String, Object> v = new HashMap<>();
        for (OptionSchema.Option opt : schema.daemonOptions()) v.put(opt.name(), opt.defaultValue());
        UciSection s = pkg == null ? null : mainSection(pkg, errors);
        if (s != null) {
            for (UciOption raw : s.options()) {
                OptionSchema.Option opt = schema.daemonOption(raw.name());
                if (opt == null) {
                    errors.add(pkg.name() + "." + s.name() + ": unknown option '" + raw.name() + "' ignored");
                    continue;
                }
                try {
                    v.put(opt.name(), opt.parse(raw));
                } catch (OptionSchema.InvalidValue e) {
                    errors.add(describe(pkg.name(), s, opt, raw, e.getMessage()) + "; using the default "
                            + defaultText(opt));
                }
            }
        }
        return ConfigFields.daemon(v);
    }

    private static UciSection mainSection(UciPackage pkg, List<String> errors) {
        List<UciSection> all = pkg.sectionsOfType("ltemodem");
        if (all.isEmpty()) return null;
        UciSection main = all.stream().filter(x -> x.name().equals("main")).findFirst().orElse(all.get(0));
        if (all.size() > 1) {
            errors.add(pkg.name() + ": " + all.size() + " sections of type ltemodem; using '" + main.name()
                    + "', ignoring the others");
        }
        return main;
    }

    private static String describe(String pkg, UciSection s, OptionSchema.Option opt, UciOption raw, String expected) {
        String where = pkg + "." + s.name() + ": option '" + opt.name() + "' ";
        if (opt.secret()) return where + "has an invalid value (secret, not shown): expected " + expected;
        String shown = raw.isList() ? raw.values().toString() : "'" + printable(raw.value()) + "'";
        return where + "has invalid value " + shown + ": expected " + expected;
    }

    private static String defaultText(OptionSchema.Option opt) {
        Object d = opt.defaultValue();
        return d instanceof String str && str.isEmpty() ? "(empty)" : String.valueOf(d);
    }

    /** Values are echoed into logs and ubus replies: no control characters, bounded length. */
    private static String printable(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length() && b.length() < 64; i++) {
            char c = v.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (v.length() > 64) b.append("...");
        return b.toString();
    }
}

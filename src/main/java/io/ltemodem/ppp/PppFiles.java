package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files pppd runs from, generated into the setup's run directory (0700):
 * <ul>
 *   <li>{@code options} (0600): every pppd option, the username and password included — pppd is started as
 *       {@code pppd file <dir>/options}, so no secret is ever on a command line ({@code /proc/<pid>/cmdline}) or in a
 *       log;</li>
 *   <li>{@code chat} (0600): the chat script — define the context ({@code AT+CGDCONT}), dial {@code ATD*99#}
 *       (or {@code ATD*99***<cid>#}), expect {@code CONNECT};</li>
 *   <li>{@code ip-up}, {@code ip-down} (0700): pppd's IPv4 hooks, which write what pppd learned ({@code IPLOCAL},
 *       {@code IPREMOTE}, {@code DNS1/2}) to {@code ipv4.state} for the plane to read, and remove it when the link
 *       goes down. pppd 2.4.9 (Debian 12, OpenWrt 23.05) has no option for the IPv6 hooks (only the fixed
 *       /etc/ppp/ipv6-up), so IPv6 is read from pppd's own log line {@code local  LL address ...}
 *       ({@link PppLinkState#ipv6Up}).</li>
 * </ul>
 * Values that pppd or chat could misread (quotes, control characters, an APN outside the 3GPP character set) are
 * refused with an {@link IllegalArgumentException} naming the option, never written.
 */
public final class PppFiles {
    public static final String OPTIONS = "options";
    public static final String CHAT = "chat";
    public static final String IPV4_STATE = "ipv4.state";

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SCRIPT = PosixFilePermissions.fromString("rwx------");

    private PppFiles() {
    }

    /** Checks {@code want} for values the generated files cannot carry; throws naming the option. */
    public static void validate(ModemConfig want) {
        if (!want.apn().matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("option apn: only letters, digits, '.', '-' and '_' can be dialled");
        }
        for (String[] f : new String[][]{{"username", want.username()}, {"password", want.password()}}) {
            if (f[1].chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)) {
                throw new IllegalArgumentException("option " + f[0] + " holds a control character");
            }
        }
        if (want.auth() != ModemConfig.Auth.NONE && want.username().isEmpty()) {
            throw new IllegalArgumentException("option username: auth " + want.auth().name().toLowerCase() + " needs a username");
        }
    }

    /** Writes every file for {@code want}; returns the options file's path. */
    public static Path write(PppSetup setup, ModemConfig want) throws IOException {
        validate(want);
        Path dir = setup.runDir();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, DIR);
        writeFile(dir.resolve(CHAT), chatScript(want), SECRET);
        writeFile(dir.resolve("ip-up"), hook(dir.resolve(IPV4_STATE), "IFNAME=$1", "IPLOCAL=$4", "IPREMOTE=$5",
                "DNS1=$DNS1", "DNS2=$DNS2"), SCRIPT);
        writeFile(dir.resolve("ip-down"), remover(dir.resolve(IPV4_STATE)), SCRIPT);
        Path options = dir.resolve(OPTIONS);
        writeFile(options, options(setup, want), SECRET);
        return options;
    }

    /** Removes the options file (the only one holding secrets) and the link state. */
    public static void clean(PppSetup setup) {
        for (String f : List.of(OPTIONS, IPV4_STATE)) {
            try {
                Files.deleteIfExists(setup.runDir().resolve(f));
            } catch (IOException e) {
                // best effort: the next write replaces it
            }
        }
    }

    /** The pppd options file's text. */
    static String options(PppSetup setup, ModemConfig want) {
        Path dir = setup.runDir();
        List<String> o = new ArrayList<>();
        o.add("# written by ltemodem for interface " + want.name() + "; mode 0600: it holds the password");
        o.add(setup.tty());
        o.add("115200");
        o.add("nodetach");
        o.add("logfd 2");
        o.add("noauth");                         // the network does not authenticate to us
        o.add("ipparam " + quote(want.name()));
        o.add("ifname " + quote(setup.ifname()));
        o.add("noipdefault");
        o.add("usepeerdns");
        o.add("nodefaultroute");                 // routes and DNS are netifd's, from the ip-up report
        o.add("lcp-echo-interval 10");
        o.add("lcp-echo-failure 3");
        o.add("maxfail 1");                      // the daemon redials, with backoff and the escalation ladder
        o.add("novj");
        o.add("noccp");
        o.add("connect " + quote(setup.chat() + " -t 10 -f " + dir.resolve(CHAT)));
        o.add("ip-up-script " + quote(dir.resolve("ip-up").toString()));
        o.add("ip-down-script " + quote(dir.resolve("ip-down").toString()));
        boolean v4 = want.pdpType() != ModemConfig.PdpType.IPV6;
        boolean v6 = want.pdpType() != ModemConfig.PdpType.IPV4;
        if (!v4) o.add("noip");
        o.add(v6 ? "+ipv6" : "noipv6");
        if (want.mtu() > 0) {
            o.add("mtu " + want.mtu());
            o.add("mru " + want.mtu());
        }
        switch (want.auth()) {
            case NONE -> o.addAll(List.of("refuse-pap", "refuse-chap", "refuse-mschap", "refuse-mschap-v2", "refuse-eap"));
            case PAP -> o.addAll(List.of("refuse-chap", "refuse-mschap", "refuse-mschap-v2", "refuse-eap"));
            case CHAP -> o.addAll(List.of("refuse-pap", "refuse-mschap", "refuse-mschap-v2", "refuse-eap"));
            case BOTH -> o.addAll(List.of("refuse-mschap", "refuse-mschap-v2", "refuse-eap"));
        }
        if (!want.username().isEmpty()) o.add("user " + quote(want.username()));
        if (!want.password().isEmpty()) o.add("password " + quote(want.password()));
        o.add("hide-password");
        return String.join("\n", o) + "\n";
    }

    /** The chat script's text: optional context definition, the dial, CONNECT. */
    static String chatScript(ModemConfig want) {
        List<String> c = new ArrayList<>();
        c.add("# written by ltemodem for interface " + want.name());
        for (String abort : List.of("BUSY", "NO CARRIER", "NO DIALTONE", "NO ANSWER", "ERROR")) c.add("ABORT '" + abort + "'");
        c.add("TIMEOUT 10");
        c.add("'' 'AT'");
        c.add("OK 'ATE0'");
        // An empty APN keeps the modem's definition (the network's default APN).
        if (!want.apn().isEmpty()) c.add("OK 'AT+CGDCONT=" + want.profile() + ",\"" + want.pdpType().at() + "\",\"" + want.apn() + "\"'");
        c.add("TIMEOUT 60");
        c.add("OK '" + dialString(want.profile()) + "'");
        c.add("CONNECT ''");
        return String.join("\n", c) + "\n";
    }

    /** {@code ATD*99#} for context 1, {@code ATD*99***<cid>#} for another. */
    public static String dialString(int cid) {
        return cid == 1 ? "ATD*99#" : "ATD*99***" + cid + "#";
    }

    /** A pppd option word in double quotes; backslash and quote escaped (pppd's options parser undoes both). */
    static String quote(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An ip-up-like hook writing {@code lines} (shell-expanded) to {@code state}, atomically. */
    private static String hook(Path state, String... lines) {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# written by ltemodem: reports the PPP link to the daemon\numask 077\n");
        String s = shellQuote(state.toString());
        sb.append("{\n");
        for (String l : lines) {
            int eq = l.indexOf('=');
            sb.append("  printf '%s\\n' \"").append(l, 0, eq + 1).append(l.substring(eq + 1)).append("\"\n");
        }
        sb.append("} > ").append(shellQuote(state + ".tmp")).append(" && mv -f ").append(shellQuote(state + ".tmp")).append(' ')
                .append(s).append('\n');
        return sb.toString();
    }

    private static String remover(Path state) {
        return "#!/bin/sh\n# written by ltemodem: the PPP link went down\nrm -f " + shellQuote(state.toString()) + "\n";
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void writeFile(Path p, String text, Set<PosixFilePermission> perms) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        // Created with its final permissions, so a secret is never readable by others, not even for a moment.
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(perms));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

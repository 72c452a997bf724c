package io.ltemodem.mbim;

import io.ltemodem.sys.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the MBIM tool: what configuration forces, else what is installed — {@code mbimcli} (libmbim-utils) before
 * {@code umbim} (OpenWrt's own) — and whether mbimcli goes through {@code mbim-proxy} (when it is installed, so other
 * programs such as ModemManager or a LuCI status page can share the device).
 */
public final class MbimTools {
    public enum Choice { AUTO, MBIMCLI, UMBIM }

    public enum Proxy { AUTO, ON, OFF }

    static final List<String> EXTRA_DIRS = List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin");
    public static final List<String> PROXY_PATHS = List.of("/usr/libexec/mbim-proxy", "/usr/lib/libmbim/mbim-proxy",
            "/usr/lib/mbim-proxy", "/usr/bin/mbim-proxy");

    private MbimTools() {
    }

    /** The tool for {@code device}, or null when the one asked for (or any, for AUTO) is not installed. */
    public static MbimTool choose(Choice choice, Proxy proxy, String device, ProcessRunner runner, MbimTimeouts timeouts) {
        return choose(choice, proxy, device, runner, timeouts, searchPath());
    }

    static MbimTool choose(Choice choice, Proxy proxy, String device, ProcessRunner runner, MbimTimeouts timeouts, List<Path> dirs) {
        Path mbimcli = find("mbimcli", dirs);
        Path umbim = find("umbim", dirs);
        boolean useProxy = switch (proxy) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> proxyPath() != null;
        };
        return switch (choice) {
            case MBIMCLI -> mbimcli == null ? null : new MbimcliTool(mbimcli.toString(), device, useProxy, runner, timeouts);
            case UMBIM -> umbim == null ? null : new UmbimTool(umbim.toString(), device, runner, timeouts);
            case AUTO -> mbimcli != null ? new MbimcliTool(mbimcli.toString(), device, useProxy, runner, timeouts)
                    : umbim != null ? new UmbimTool(umbim.toString(), device, runner, timeouts) : null;
        };
    }

    /** The installed mbim-proxy, or null. */
    public static Path proxyPath() {
        for (String p : PROXY_PATHS) if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }

    /** An executable called {@code name} in {@code dirs}, or null. */
    public static Path find(String name, List<Path> dirs) {
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** PATH plus the usual system directories. */
    public static List<Path> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) for (String d : path.split(":")) if (!d.isEmpty()) dirs.add(d);
        dirs.addAll(EXTRA_DIRS);
        List<Path> out = new ArrayList<>();
        for (String d : dirs) out.add(Path.of(d));
        return out;
    }
}

package io.ltemodem.qmi;

import io.ltemodem.sys.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the QMI tool: what configuration forces, else what is installed — {@code qmicli} (libqmi-utils) before
 * {@code uqmi} (OpenWrt's own) — and whether to go through {@code qmi-proxy}.
 */
public final class QmiTools {
    public enum Choice { AUTO, QMICLI, UQMI }

    /** {@code AUTO}: use qmi-proxy when it is installed (the device can then be shared with other tools). */
    public enum Proxy { AUTO, ON, OFF }

    /** Where the tools live on OpenWrt and Debian besides PATH. */
    static final List<String> EXTRA_DIRS = List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin");
    static final List<String> PROXY_PATHS = List.of("/usr/libexec/qmi-proxy", "/usr/lib/libqmi/qmi-proxy",
            "/usr/lib/qmi-proxy", "/usr/bin/qmi-proxy");

    private QmiTools() {
    }

    /**
     * The tool for {@code device}, or null when the one asked for (or any, for AUTO) is not installed.
     */
    public static QmiTool choose(Choice choice, Proxy proxy, String device, ProcessRunner runner, QmiTimeouts timeouts) {
        return choose(choice, proxy, device, runner, timeouts, searchPath());
    }

    static QmiTool choose(Choice choice, Proxy proxy, String device, ProcessRunner runner, QmiTimeouts timeouts,
                          List<Path> dirs) {
        Path qmicli = find("qmicli", dirs);
        Path uqmi = find("uqmi", dirs);
        boolean useProxy = switch (proxy) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> PROXY_PATHS.stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
        };
        return switch (choice) {
            case QMICLI -> qmicli == null ? null : new QmicliTool(qmicli.toString(), device, useProxy, runner, timeouts);
            case UQMI -> uqmi == null ? null : new UqmiTool(uqmi.toString(), device, runner, timeouts);
            case AUTO -> qmicli != null ? new QmicliTool(qmicli.toString(), device, useProxy, runner, timeouts)
                    : uqmi != null ? new UqmiTool(uqmi.toString(), device, runner, timeouts) : null;
        };
    }

    /** An executable called {@code name} in {@code dirs}, or null. */
    public static Path find(String name, List<Path> dirs) {
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    static List<Path> searchPath() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) for (String d : path.split(":")) if (!d.isEmpty()) dirs.add(d);
        dirs.addAll(EXTRA_DIRS);
        List<Path> out = new ArrayList<>();
        for (String d : dirs) out.add(Path.of(d));
        return out;
    }
}

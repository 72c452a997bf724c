package io.ltemodem.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The OpenWrt prefix with libubus and ubusd ({@code LTEMODEM_OPENWRT_PREFIX}, as for the tests), or none. */
final class OpenWrt {
    private OpenWrt() {
    }

    static Path prefix() {
        String p = System.getenv("LTEMODEM_OPENWRT_PREFIX");
        if (p == null || p.isBlank()) return null;
        Path d = Path.of(p).toAbsolutePath();
        return Files.isExecutable(d.resolve("sbin/ubusd")) && Files.isDirectory(d.resolve("lib")) ? d : null;
    }
}

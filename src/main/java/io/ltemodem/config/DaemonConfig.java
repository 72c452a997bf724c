package io.ltemodem.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;

/**
 * Daemon-wide settings ({@code /etc/config/ltemodem}, DESIGN §7). Times are milliseconds of the engine's clock.
 */
public record DaemonConfig(boolean enabled, String logLevel, long pollIntervalMs, List<String> watchdogHosts,
                           long watchdogIntervalMs, int watchdogFailures, int maxResetsPerHour, long stablePeriodMs,
                           LocalTime maintenanceTime, String maintenanceLevel, String gpioPower, Path sysfsRoot,
                           boolean atAllowDangerous, Path stateDir) {

    public DaemonConfig {
        watchdogHosts = watchdogHosts == null ? List.of() : List.copyOf(watchdogHosts);
        maintenanceLevel = maintenanceLevel == null ? "session" : maintenanceLevel;
        gpioPower = gpioPower == null ? "" : gpioPower;
        sysfsRoot = sysfsRoot == null ? Path.of("/sys") : sysfsRoot;
        stateDir = stateDir == null ? Path.of("/etc/ltemodem") : stateDir;
    }

    public static DaemonConfig defaults() {
        return new DaemonConfig(true, "info", 10_000, List.of(), 30_000, 3, 3, 300_000,
                null, "session", "", Path.of("/sys"), false, Path.of("/etc/ltemodem"));
    }

    public DaemonConfig withStateDir(Path dir) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, gpioPower, sysfsRoot,
                atAllowDangerous, dir);
    }

    public DaemonConfig withPollInterval(long ms) {
        return new DaemonConfig(enabled, logLevel, ms, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, gpioPower, sysfsRoot,
                atAllowDangerous, stateDir);
    }

    public DaemonConfig withWatchdog(List<String> hosts, long intervalMs, int failures) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, hosts, intervalMs, failures,
                maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, gpioPower, sysfsRoot,
                atAllowDangerous, stateDir);
    }

    public DaemonConfig withMaintenance(LocalTime at, String level) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                maxResetsPerHour, stablePeriodMs, at, level, gpioPower, sysfsRoot, atAllowDangerous, stateDir);
    }

    public DaemonConfig withGpioPower(String path) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, path, sysfsRoot,
                atAllowDangerous, stateDir);
    }

    public DaemonConfig withSysfsRoot(Path root) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, gpioPower, root,
                atAllowDangerous, stateDir);
    }

    public DaemonConfig withResetCap(int perHour, long stableMs) {
        return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures,
                perHour, stableMs, maintenanceTime, maintenanceLevel, gpioPower, sysfsRoot, atAllowDangerous, stateDir);
    }
}

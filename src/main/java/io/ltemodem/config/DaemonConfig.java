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
        return toBuilder().stateDir(dir).build();
    }

    public DaemonConfig withPollInterval(long ms) {
        return toBuilder().pollIntervalMs(ms).build();
    }

    public DaemonConfig withWatchdog(List<String> hosts, long intervalMs, int failures) {
        return toBuilder().watchdogHosts(hosts).watchdogIntervalMs(intervalMs).watchdogFailures(failures).build();
    }

    public DaemonConfig withMaintenance(LocalTime at, String level) {
        return toBuilder().maintenanceTime(at).maintenanceLevel(level).build();
    }

    public DaemonConfig withGpioPower(String path) {
        return toBuilder().gpioPower(path).build();
    }

    public DaemonConfig withSysfsRoot(Path root) {
        return toBuilder().sysfsRoot(root).build();
    }

    public DaemonConfig withResetCap(int perHour, long stableMs) {
        return toBuilder().maxResetsPerHour(perHour).stablePeriodMs(stableMs).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.logLevel = logLevel;
        b.pollIntervalMs = pollIntervalMs;
        b.watchdogHosts = watchdogHosts;
        b.watchdogIntervalMs = watchdogIntervalMs;
        b.watchdogFailures = watchdogFailures;
        b.maxResetsPerHour = maxResetsPerHour;
        b.stablePeriodMs = stablePeriodMs;
        b.maintenanceTime = maintenanceTime;
        b.maintenanceLevel = maintenanceLevel;
        b.gpioPower = gpioPower;
        b.sysfsRoot = sysfsRoot;
        b.atAllowDangerous = atAllowDangerous;
        b.stateDir = stateDir;
        return b;
    }

    /** A changed copy, field by field. */
    public static final class Builder {
        private boolean enabled;
        private String logLevel;
        private long pollIntervalMs;
        private List<String> watchdogHosts;
        private long watchdogIntervalMs;
        private int watchdogFailures;
        private int maxResetsPerHour;
        private long stablePeriodMs;
        private LocalTime maintenanceTime;
        private String maintenanceLevel;
        private String gpioPower;
        private Path sysfsRoot;
        private boolean atAllowDangerous;
        private Path stateDir;

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder logLevel(String v) {
            logLevel = v;
            return this;
        }

        public Builder pollIntervalMs(long v) {
            pollIntervalMs = v;
            return this;
        }

        public Builder watchdogHosts(List<String> v) {
            watchdogHosts = v;
            return this;
        }

        public Builder watchdogIntervalMs(long v) {
            watchdogIntervalMs = v;
            return this;
        }

        public Builder watchdogFailures(int v) {
            watchdogFailures = v;
            return this;
        }

        public Builder maxResetsPerHour(int v) {
            maxResetsPerHour = v;
            return this;
        }

        public Builder stablePeriodMs(long v) {
            stablePeriodMs = v;
            return this;
        }

        public Builder maintenanceTime(LocalTime v) {
            maintenanceTime = v;
            return this;
        }

        public Builder maintenanceLevel(String v) {
            maintenanceLevel = v;
            return this;
        }

        public Builder gpioPower(String v) {
            gpioPower = v;
            return this;
        }

        public Builder sysfsRoot(Path v) {
            sysfsRoot = v;
            return this;
        }

        public Builder atAllowDangerous(boolean v) {
            atAllowDangerous = v;
            return this;
        }

        public Builder stateDir(Path v) {
            stateDir = v;
            return this;
        }

        public DaemonConfig build() {
            return new DaemonConfig(enabled, logLevel, pollIntervalMs, watchdogHosts, watchdogIntervalMs, watchdogFailures, maxResetsPerHour, stablePeriodMs, maintenanceTime, maintenanceLevel, gpioPower, sysfsRoot, atAllowDangerous, stateDir);
        }
    }
}

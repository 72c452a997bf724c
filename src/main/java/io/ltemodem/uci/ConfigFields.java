package io.ltemodem.uci;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each UCI option lands in the config records, both ways: building a record from validated values, and
 * reading a record back by option name (for {@link ConfigDiff}). Times in UCI are seconds; the records hold ms.
 */
final class ConfigFields {
    private ConfigFields() {
    }

    static final Map<String, Function<ModemConfig, Object>> INTERFACE = new LinkedHashMap<>();
    static final Map<String, Function<DaemonConfig, Object>> DAEMON = new LinkedHashMap<>();

    static {
        INTERFACE.put("device", ModemConfig::device);
        INTERFACE.put("apn", ModemConfig::apn);
        INTERFACE.put("pdptype", ModemConfig::pdpType);
        INTERFACE.put("auth", ModemConfig::auth);
        INTERFACE.put("username", ModemConfig::username);
        INTERFACE.put("password", ModemConfig::password);
        INTERFACE.put("pincode", ModemConfig::pincode);
        INTERFACE.put("protocol", ModemConfig::protocol);
        INTERFACE.put("allow_roaming", ModemConfig::allowRoaming);
        INTERFACE.put("profile", ModemConfig::profile);
        INTERFACE.put("mtu", ModemConfig::mtu);
        INTERFACE.put("dhcp", ModemConfig::dhcp);
        INTERFACE.put("dhcpv6", ModemConfig::dhcpv6);
        INTERFACE.put("sourcefilter", ModemConfig::sourcefilter);

        DAEMON.put("enabled", DaemonConfig::enabled);
        DAEMON.put("log_level", DaemonConfig::logLevel);
        DAEMON.put("poll_interval", DaemonConfig::pollIntervalMs);
        DAEMON.put("watchdog_hosts", DaemonConfig::watchdogHosts);
        DAEMON.put("watchdog_interval", DaemonConfig::watchdogIntervalMs);
        DAEMON.put("watchdog_failures", DaemonConfig::watchdogFailures);
        DAEMON.put("max_resets_per_hour", DaemonConfig::maxResetsPerHour);
        DAEMON.put("stable_period", DaemonConfig::stablePeriodMs);
        DAEMON.put("maintenance_time", DaemonConfig::maintenanceTime);
        DAEMON.put("maintenance_level", DaemonConfig::maintenanceLevel);
        DAEMON.put("gpio_power", DaemonConfig::gpioPower);
        DAEMON.put("sysfs_root", DaemonConfig::sysfsRoot);
        DAEMON.put("at_allow_dangerous", DaemonConfig::atAllowDangerous);
    }

    static ModemConfig modem(String name, Map<String, Object> v) {
        return new ModemConfig(name, (String) v.get("device"), (String) v.get("apn"),
                ModemConfig.PdpType.fromUci((String) v.get("pdptype")),
                ModemConfig.Auth.valueOf(((String) v.get("auth")).toUpperCase(java.util.Locale.ROOT)),
                (String) v.get("username"), (String) v.get("password"), (String) v.get("pincode"),
                (String) v.get("protocol"), (Boolean) v.get("allow_roaming"), intOf(v.get("profile")),
                intOf(v.get("mtu")), (Boolean) v.get("dhcp"), (Boolean) v.get("dhcpv6"), (Boolean) v.get("sourcefilter"));
    }

    @SuppressWarnings("unchecked")
    static DaemonConfig daemon(Map<String, Object> v) {
        String t = (String) v.get("maintenance_time");
        return new DaemonConfig((Boolean) v.get("enabled"), (String) v.get("log_level"),
                seconds(v.get("poll_interval")), (List<String>) v.get("watchdog_hosts"),
                seconds(v.get("watchdog_interval")), intOf(v.get("watchdog_failures")),
                intOf(v.get("max_resets_per_hour")), seconds(v.get("stable_period")),
                t == null || t.isEmpty() ? null : LocalTime.parse(t), (String) v.get("maintenance_level"),
                (String) v.get("gpio_power"), Path.of((String) v.get("sysfs_root")),
                (Boolean) v.get("at_allow_dangerous"), DaemonConfig.defaults().stateDir());
    }

    private static int intOf(Object o) {
        return ((Long) o).intValue();
    }

    private static long seconds(Object o) {
        return (Long) o * 1000L;
    }
}

package io.ltemodem.uci;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.daemon.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class ConfigReaderTest {
    @TempDir
    Path dir;

    static final String NETWORK = """
            config interface 'loopback'
            \toption device 'lo'
            \toption proto 'static'

            config interface 'wan'
            \toption device 'eth1'
            \toption proto 'dhcp'

            config interface 'wwan'
            \toption proto 'ltemodem'
            \toption device '/dev/cdc-wdm0'
            \toption apn 'internet.telekom'
            \toption pdptype 'IPV4V6'
            \toption auth 'chap'
            \toption username 'tm'
            \toption password 'secret-pass'
            \toption pincode '1234'
            \toption protocol 'qmi'
            \toption allow_roaming 'yes'
            \toption profile '2'
            \toption mtu '1400'
            \toption dhcp '0'
            \toption metric '10'
            \tlist dns '1.1.1.1'

            config interface 'lte2'
            \toption proto 'ltemodem'
            """;

    static final String LTEMODEM = """
            config ltemodem 'main'
            \toption log_level 'debug'
            \toption poll_interval '5'
            \tlist watchdog_hosts '8.8.8.8'
            \tlist watchdog_hosts '1.1.1.1'
            \toption watchdog_interval '60'
            \toption maintenance_time '04:30'
            \toption maintenance_level 'modem'
            \toption at_allow_dangerous 'on'
            \toption sysfs_root '/tmp/sys'
            """;

    private ConfigSource.Loaded read(String network, String ltemodem) throws Exception {
        return reader(network, ltemodem).load();
    }

    private ConfigReader reader(String network, String ltemodem) throws Exception {
        if (network != null) Files.writeString(dir.resolve("network"), network);
        if (ltemodem != null) Files.writeString(dir.resolve("ltemodem"), ltemodem);
        return new ConfigReader(dir, new UciTextParser());
    }

    @Test
    void readsEveryLtemodemInterfaceAndTheDaemonSection() throws Exception {
        ConfigSource.Loaded l = read(NETWORK, LTEMODEM);
        assertEquals(List.of(), l.errors());
        assertEquals(List.of("wwan", "lte2"), l.modems().stream().map(ModemConfig::name).toList());
        ModemConfig w = l.modems().get(0);
        assertEquals(new ModemConfig("wwan", "/dev/cdc-wdm0", "internet.telekom", ModemConfig.PdpType.IPV4V6,
                ModemConfig.Auth.CHAP, "tm", "secret-pass", "1234", "qmi", true, 2, 1400, false, true, true), w);
        assertEquals(ModemConfig.defaults("lte2"), l.modems().get(1));
        DaemonConfig d = l.daemon();
        assertEquals("debug", d.logLevel());
        assertEquals(5_000, d.pollIntervalMs());
        assertEquals(List.of("8.8.8.8", "1.1.1.1"), d.watchdogHosts());
        assertEquals(60_000, d.watchdogIntervalMs());
        assertEquals(LocalTime.of(4, 30), d.maintenanceTime());
        assertEquals("modem", d.maintenanceLevel());
        assertTrue(d.atAllowDangerous());
        assertEquals(Path.of("/tmp/sys"), d.sysfsRoot());
        assertEquals(3, d.watchdogFailures(), "default");
        assertEquals(300_000, d.stablePeriodMs(), "default");
    }

    @Test
    void withoutTheDaemonFileTheDefaultsApply() throws Exception {
        ConfigSource.Loaded l = read(NETWORK, null);
        assertEquals(List.of(), l.errors());
        assertEquals(DaemonConfig.defaults(), l.daemon());
    }

    @Test
    void schemaDefaultsMatchTheRecordDefaults() throws Exception {
        ConfigSource.Loaded l = read("config interface 'x'\n\toption proto 'ltemodem'\n", "config ltemodem 'main'\n");
        assertEquals(ModemConfig.defaults("x"), l.modems().get(0));
        assertEquals(DaemonConfig.defaults(), l.daemon());
    }

    @Test
    void aBadInterfaceIsNotStartedAndTheOthersKeepWorking() throws Exception {
        String net = NETWORK.replace("option pdptype 'IPV4V6'", "option pdptype 'ipv5'").replace("option mtu '1400'", "option mtu 'big'");
        ConfigSource.Loaded l = read(net, LTEMODEM);
        assertEquals(List.of("lte2"), l.modems().stream().map(ModemConfig::name).toList());
        assertEquals(List.of(
                "network.wwan: option 'pdptype' has invalid value 'ipv5': expected one of ipv4, ipv6, ipv4v6; interface wwan not started",
                "network.wwan: option 'mtu' has invalid value 'big': expected a whole number from 0 to 9000; interface wwan not started"),
                l.errors());
    }

    @Test
    void secretsAreNamedButNeverShown() throws Exception {
        String net = NETWORK.replace("option pincode '1234'", "option pincode '12ab'")
                .replace("option password 'secret-pass'", "option password '" + "p".repeat(70) + "'");
        ConfigSource.Loaded l = read(net, null);
        String all = String.join("\n", l.errors());
        assertTrue(all.contains("network.wwan: option 'pincode' has an invalid value (secret, not shown)"), all);
        assertTrue(all.contains("network.wwan: option 'password' has an invalid value (secret, not shown): expected at most 64 characters"), all);
        assertFalse(all.contains("12ab"), all);
        assertFalse(all.contains("ppppp"), all);
        assertFalse(l.modems().stream().anyMatch(m -> m.toString().contains("1234")), "toString masks the PIN");
    }

    @Test
    void badDaemonValuesFallBackToTheirDefaults() throws Exception {
        String lm = LTEMODEM.replace("option poll_interval '5'", "option poll_interval '0'")
                .replace("option maintenance_time '04:30'", "option maintenance_time '25:00'")
                .replace("option at_allow_dangerous 'on'", "option at_allow_dangerous 'maybe'")
                + "\toption pol_interval '7'\n\tlist log_level 'x'\n";
        ConfigSource.Loaded l = read(NETWORK, lm);
        assertEquals(10_000, l.daemon().pollIntervalMs());
        assertNull(l.daemon().maintenanceTime());
        assertFalse(l.daemon().atAllowDangerous());
        assertEquals("info", l.daemon().logLevel());
        assertEquals(List.of(
                "ltemodem.main: option 'log_level' has invalid value [debug, x]: expected a single value (option), not a list; using the default info",
                "ltemodem.main: option 'poll_interval' has invalid value '0': expected a whole number from 1 to 600; using the default 10",
                "ltemodem.main: option 'maintenance_time' has invalid value '25:00': expected a value matching ^(([01][0-9]|2[0-3]):[0-5][0-9])?$; using the default (empty)",
                "ltemodem.main: option 'at_allow_dangerous' has invalid value 'maybe': expected a boolean (1/0, on/off, true/false, yes/no, enabled/disabled); using the default false",
                "ltemodem.main: unknown option 'pol_interval' ignored"), l.errors());
        assertEquals(2, l.modems().size(), "modems are unaffected by daemon errors");
    }

    @Test
    void listsAcceptTheOptionFormAndAreBounded() throws Exception {
        ConfigSource.Loaded l = read(NETWORK, "config ltemodem 'main'\n\toption watchdog_hosts '8.8.8.8  9.9.9.9'\n");
        assertEquals(List.of("8.8.8.8", "9.9.9.9"), l.daemon().watchdogHosts());
        StringBuilder many = new StringBuilder("config ltemodem 'main'\n");
        for (int i = 0; i < 9; i++) many.append("\tlist watchdog_hosts 'h").append(i).append("'\n");
        l = read(NETWORK, many.toString());
        assertEquals(List.of(), l.daemon().watchdogHosts());
        assertTrue(l.errors().get(0).contains("expected at most 8 entries"), l.errors().toString());
        l = read(NETWORK, "config ltemodem 'main'\n\tlist watchdog_hosts 'bad host'\n");
        assertTrue(l.errors().get(0).contains("(not 'bad host')"), l.errors().toString());
    }

    @Test
    void theSectionNamedMainWinsOverOtherLtemodemSections() throws Exception {
        ConfigSource.Loaded l = read(NETWORK, "config ltemodem 'other'\n\toption log_level 'warn'\n"
                + "config ltemodem 'main'\n\toption log_level 'error'\n");
        assertEquals("error", l.daemon().logLevel());
        assertEquals(1, l.errors().size());
        assertTrue(l.errors().get(0).contains("using 'main'"));
        l = read(NETWORK, "config ltemodem\n\toption log_level 'warn'\n");
        assertEquals("warn", l.daemon().logLevel(), "an anonymous section works too");
    }

    @Test
    void aSyntaxErrorOnReloadKeepsThePreviousFile() throws Exception {
        ConfigReader r = reader(NETWORK, LTEMODEM);
        ConfigSource.Loaded first = r.load();
        Files.writeString(dir.resolve("network"), NETWORK + "\toption apn 'unterminated\n");
        ConfigSource.Loaded second = r.load();
        assertEquals(first.modems(), second.modems());
        assertEquals(1, second.errors().size());
        assertTrue(second.errors().get(0).startsWith("network: parse error (EOF with unterminated ') at line"), second.errors().get(0));
        assertTrue(second.errors().get(0).endsWith("keeping the previous configuration of network"));
    }

    @Test
    void aSyntaxErrorOnFirstLoadStartsNothingFromThatFile() throws Exception {
        ConfigSource.Loaded l = read("config interface 'wwan'\n\tfoo\n", LTEMODEM);
        assertEquals(List.of(), l.modems());
        assertEquals("network: parse error (invalid command) at line 2, byte 1; no modems started from it", l.errors().get(0));
        assertEquals("debug", l.daemon().logLevel(), "the daemon file is still read");
    }

    @Test
    void noNetworkFileMeansNoModems() throws Exception {
        ConfigSource.Loaded l = read(null, LTEMODEM);
        assertEquals(List.of(), l.modems());
        assertTrue(l.errors().get(0).startsWith("network: "), l.errors().toString());
        assertTrue(l.errors().get(0).endsWith("not found: no modems configured"), l.errors().toString());
    }

    @Test
    void everySchemaOptionHasARecordFieldAndBack() {
        OptionSchema s = OptionSchema.load();
        assertEquals(s.interfaceOptions().stream().map(OptionSchema.Option::name).collect(Collectors.toSet()),
                ConfigFields.INTERFACE.keySet());
        assertEquals(s.daemonOptions().stream().map(OptionSchema.Option::name).collect(Collectors.toSet()),
                ConfigFields.DAEMON.keySet());
        assertEquals(Set.of("password", "pincode"), s.interfaceOptions().stream().filter(OptionSchema.Option::secret)
                .map(OptionSchema.Option::name).collect(Collectors.toSet()));
    }

    @Test
    void diffTellsWhatChangedByOptionName() throws Exception {
        ConfigReader r = reader(NETWORK, LTEMODEM);
        ConfigSource.Loaded before = r.load();
        Files.writeString(dir.resolve("network"), NETWORK.replace("internet.telekom", "web.vodafone.de")
                .replace("option pincode '1234'", "option pincode '4321'")
                .replace("config interface 'lte2'\n\toption proto 'ltemodem'\n", "config interface 'lte3'\n\toption proto 'ltemodem'\n"));
        Files.writeString(dir.resolve("ltemodem"), LTEMODEM.replace("'5'", "'15'"));
        ConfigDiff d = ConfigDiff.between(before, r.load());
        assertEquals(List.of("lte3"), d.added().stream().map(ModemConfig::name).toList());
        assertEquals(List.of("lte2"), d.removed());
        Map<String, List<String>> changed = new LinkedHashMap<>();
        changed.put("wwan", List.of("apn", "pincode"));
        assertEquals(changed, d.changed());
        assertEquals(List.of("poll_interval"), d.daemonChanged());
        assertEquals(List.of("lte3: added", "lte2: removed", "wwan: changed apn, pincode", "daemon: changed poll_interval"),
                d.describe());
        assertFalse(String.join(" ", d.describe()).contains("4321"));
        assertTrue(ConfigDiff.between(r.load(), r.load()).isEmpty());
    }
}

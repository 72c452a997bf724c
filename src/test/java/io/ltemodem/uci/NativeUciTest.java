package io.ltemodem.uci;

import io.ltemodem.ubus.OpenWrtPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** libuci through JNA against the Java parser: same packages, same errors. Needs LTEMODEM_OPENWRT_PREFIX. */
class NativeUciTest {
    static OpenWrtPrefix ow;
    static NativeUci uci;
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        ow = OpenWrtPrefix.require("uci");
        uci = NativeUci.ifAvailable().orElseThrow(() -> new AssertionError("libuci did not load from " + ow.lib()));
        dir = Files.createTempDirectory("ltemodem-uci");
    }

    @AfterAll
    static void clean() {
        OpenWrtPrefix.deleteTree(dir);
    }

    @Test
    void bothParsersAgreeOnEveryCorpusFile() throws Exception {
        UciTextParser text = new UciTextParser();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, String> f : UciCorpus.files().entrySet()) {
            String name = f.getKey().replace('-', '_');
            Files.writeString(dir.resolve(name), f.getValue());
            Object a = outcome(uci, name);
            Object b = outcome(text, name);
            if (!a.equals(b)) report.add(f.getKey() + ":\n  libuci: " + a + "\n  java:   " + b);
        }
        assertTrue(report.isEmpty(), String.join("\n", report));
    }

    private static Object outcome(UciBackend backend, String name) {
        try {
            return backend.load(dir, name);
        } catch (UciException e) {
            return e.kind() + " (" + e.reason() + ") line " + e.line() + " byte " + e.position();
        }
    }

    @Test
    void aMissingFileIsNotFound() {
        assertEquals(UciException.Kind.NOT_FOUND, assertThrows(UciException.class, () -> uci.load(dir, "nosuch")).kind());
    }

    @Test
    void lookupPtrWorksOnMemoryWeOwn() throws Exception {
        Files.writeString(dir.resolve("network"), UciCorpus.files().get("typical"));
        assertEquals("internet.telekom", uci.lookup(dir, "network.wwan.apn").orElseThrow());
        assertTrue(uci.lookup(dir, "network.wwan.nosuch").isEmpty());
        assertTrue(uci.lookup(dir, "network.nosuch.apn").isEmpty());
    }

    @Test
    void uncommittedChangesAreNotRead() throws Exception {
        Files.writeString(dir.resolve("network"), UciCorpus.files().get("typical"));
        Path save = Files.createDirectories(dir.resolve("save"));
        // -t sets the save directory; -P would too, but it also turns commit into a no-op.
        var r = ow.run(10_000, "uci", "-c", dir.toString(), "-t", save.toString(), "set", "network.wwan.apn=uncommitted");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("internet.telekom", uci.load(dir, "network").section("wwan").string("apn"));
        r = ow.run(10_000, "uci", "-c", dir.toString(), "-t", save.toString(), "commit", "network");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("uncommitted", uci.load(dir, "network").section("wwan").string("apn"));
    }

    @Test
    void bothBackendsGiveTheSameConfiguration() throws Exception {
        String[][] cases = {
                {ConfigReaderTest.NETWORK, ConfigReaderTest.LTEMODEM},
                {ConfigReaderTest.NETWORK.replace("'IPV4V6'", "'ipv5'").replace("'1234'", "'12ab'"),
                        ConfigReaderTest.LTEMODEM.replace("'5'", "'0'") + "\toption bogus '1'\n"},
                {"config interface 'wwan'\n\tfoo\n", "config ltemodem\n\toption log_level 'warn'\n"},
                {UciCorpus.files().get("quoting") + "\toption proto 'ltemodem'\n", null},
        };
        int i = 0;
        for (String[] c : cases) {
            Path d = Files.createDirectories(dir.resolve("case" + i++));
            Files.writeString(d.resolve("network"), c[0]);
            if (c[1] != null) Files.writeString(d.resolve("ltemodem"), c[1]);
            var viaLibuci = new ConfigReader(d, uci).load();
            var viaJava = new ConfigReader(d, new UciTextParser()).load();
            assertEquals(viaLibuci, viaJava, "case " + (i - 1));
        }
    }

    @Test
    void forDirectoryPicksLibuciWhenItLoads() {
        assertEquals("libuci", ConfigReader.forDirectory(dir).backend().describe());
    }
}

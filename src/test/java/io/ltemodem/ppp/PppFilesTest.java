package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

/** The generated pppd options, chat script and hooks. */
class PppFilesTest {
    @TempDir
    Path tmp;

    private PppSetup setup() {
        return new PppSetup(Path.of("/usr/sbin/pppd"), Path.of("/usr/sbin/chat"), tmp.resolve("run"), "/dev/ttyUSB3",
                "3g-wwan", tmp, 10_000, 2_000);
    }

    private static ModemConfig want(String apn, ModemConfig.PdpType type, ModemConfig.Auth auth, String user, String pass, int cid) {
        return new ModemConfig("wwan", "auto", apn, type, auth, user, pass, "", "ppp", false, cid, 0, true, true, true);
    }

    @Test
    void secretsLiveInAPrivateOptionsFile() throws Exception {
        ModemConfig w = want("internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP, "jo \"the\" user", "pa\\ss word", 1);
        Path options = PppFiles.write(setup(), w);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("run"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(options)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("run/chat"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("run/ip-up"))));
        String text = Files.readString(options);
        assertTrue(text.startsWith("# written by ltemodem for interface wwan; mode 0600"), text);
        assertTrue(text.contains("\n/dev/ttyUSB3\n115200\nnodetach\n"), text);
        assertTrue(text.contains("\nuser \"jo \\\"the\\\" user\"\n"), "pppd's quoting: " + text);
        assertTrue(text.contains("\npassword \"pa\\\\ss word\"\n"), text);
        assertTrue(text.contains("\nrefuse-chap\n"), "PAP only");
        assertFalse(text.contains("refuse-pap"));
        assertTrue(text.contains("\nnoipv6\n"));
        assertTrue(text.contains("\nconnect \"/usr/sbin/chat -t 10 -f " + tmp.resolve("run/chat") + "\"\n"), text);
        assertTrue(text.contains("\nip-up-script \"" + tmp.resolve("run/ip-up") + "\"\n"));
        assertTrue(text.contains("\nifname \"3g-wwan\"\n"));
        assertTrue(text.contains("\nmaxfail 1\n"), "the daemon redials, not pppd");
        assertFalse(Files.readString(tmp.resolve("run/chat")).contains("pa\\ss"), "no secret in the chat script");
    }

    @Test
    void theChatScriptDefinesTheContextAndDials() {
        String chat = PppFiles.chatScript(want("internet.t-d1.de", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.NONE, "", "", 1));
        assertTrue(chat.contains("ABORT 'NO CARRIER'\n"));
        assertTrue(chat.contains("ABORT 'ERROR'\n"));
        assertTrue(chat.contains("OK 'AT+CGDCONT=1,\"IPV4V6\",\"internet.t-d1.de\"'\n"), chat);
        assertTrue(chat.contains("OK 'ATD*99#'\nCONNECT ''\n"), chat);
        String other = PppFiles.chatScript(want("", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "", 3));
        assertFalse(other.contains("CGDCONT"), "no APN: the modem's own definition");
        assertTrue(other.contains("OK 'ATD*99***3#'"), other);
    }

    @Test
    void ipv6AndAuthVariants() {
        String v6 = PppFiles.options(setup(), want("x", ModemConfig.PdpType.IPV6, ModemConfig.Auth.CHAP, "u", "p", 1));
        assertTrue(v6.contains("\nnoip\n+ipv6\n"), v6);
        assertFalse(v6.contains("ipv6-up-script"), "pppd 2.4.9 has no such option");
        assertTrue(v6.contains("\nrefuse-pap\n"));
        assertFalse(v6.contains("refuse-chap"));
        String both = PppFiles.options(setup(), want("x", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.BOTH, "u", "p", 1));
        assertFalse(both.contains("refuse-pap") || both.contains("refuse-chap\n"), both);
        assertTrue(both.contains("\n+ipv6\n"));
        assertFalse(both.contains("\nnoip\n"));
        String none = PppFiles.options(setup(), want("x", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "", 1));
        assertFalse(none.contains("\nuser "));
        assertFalse(none.contains("\npassword "));
    }

    @Test
    void valuesThatCannotBeWrittenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PppFiles.validate(want("inter'net", ModemConfig.PdpType.IPV4,
                ModemConfig.Auth.NONE, "", "", 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PppFiles.validate(want("internet",
                ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP, "u", "line\nbreak", 1)));
        assertTrue(e.getMessage().contains("password"));
        assertFalse(e.getMessage().contains("line"), "the message names the option, not its value");
        assertThrows(IllegalArgumentException.class, () -> PppFiles.validate(want("internet", ModemConfig.PdpType.IPV4,
                ModemConfig.Auth.CHAP, "", "p", 1)), "auth without a username");
    }

    @Test
    void theHooksWriteTheLinkStateAndTheCleanupRemovesTheSecrets() throws Exception {
        PppSetup s = setup();
        PppFiles.write(s, want("internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP, "u", "p", 1));
        Process up = new ProcessBuilder(tmp.resolve("run/ip-up").toString(), "3g-wwan", "/dev/ttyUSB3", "115200",
                "10.64.64.64", "10.112.112.112", "wwan").redirectErrorStream(true).start();
        assertEquals(0, up.waitFor());
        PppLinkState st = PppLinkState.read(s.runDir());
        assertEquals("3g-wwan", st.ifname());
        assertEquals("10.64.64.64", st.ipv4().address());
        assertEquals(32, st.ipv4().prefix());
        assertEquals("10.112.112.112", st.ipv4().gateway());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.runDir().resolve("ipv4.state"))));
        assertEquals(0, new ProcessBuilder(tmp.resolve("run/ip-down").toString()).start().waitFor());
        assertNull(PppLinkState.read(s.runDir()));
        PppFiles.clean(s);
        assertFalse(Files.exists(s.runDir().resolve("options")));
    }

    @Test
    void ipv6IsReadFromPppdsLog() {
        assertTrue(PppLinkState.ipv6Up(java.util.List.of("Using interface ppp0", "local  LL address fe80::3c4d:5e6f:7a8b:9c0d",
                "remote LL address fe80::1")));
        assertFalse(PppLinkState.ipv6Up(java.util.List.of("local  IP address 10.64.64.64", "local  LL address bogus")));
    }

    @Test
    void exitCodesSayWhy() {
        assertEquals(PppExit.NO_KERNEL_SUPPORT, PppExit.of(4));
        assertTrue(PppExit.describe(19).contains("check username"));
        assertTrue(PppExit.describe(8).contains("chat"));
        assertEquals("pppd exited with 143", PppExit.describe(143));
    }
}

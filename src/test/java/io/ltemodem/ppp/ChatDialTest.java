package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The generated chat script, run by the real chat on the AT simulator's tty, up to CONNECT. */
class ChatDialTest {
    @TempDir
    Path tmp;

    private ProcessRunner.Result chat(Path script, String tty) {
        // What pppd does with its connect command: /bin/sh -c with stdin and stdout on the tty.
        return new ProcessRunner().run(List.of("/bin/sh", "-c", "exec \"$0\" -t 5 -f \"$1\" < \"$2\" > \"$2\"",
                PppFixture.CHAT.toString(), script.toString(), tty), 20_000);
    }

    private Path script(ModemConfig want) throws Exception {
        Path p = tmp.resolve("chat");
        Files.writeString(p, PppFiles.chatScript(want));
        return p;
    }

    private static ModemConfig want(String apn, int cid) {
        return new ModemConfig("wwan", "auto", apn, ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "", "", "ppp",
                false, cid, 0, true, true, true);
    }

    @Test
    void dialsAndGetsConnect() throws Exception {
        PppFixture.requireChat();
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("simcom-sim7600"))) {
            ProcessRunner.Result r = chat(script(want("internet", 1)), m.atPort().currentPath());
            assertEquals(0, r.exitCode(), "chat: " + r.stderr() + " / modem saw " + m.commandLog());
            assertTrue(m.commandLog().containsAll(List.of("AT", "ATE0", "AT+CGDCONT=1,\"IP\",\"internet\"", "ATD*99#")), m.commandLog().toString());
            assertTrue(m.model().context(1).active(), "the dial activated context 1");
            assertEquals("internet", m.model().context(1).apn());
        }
    }

    @Test
    void anotherContextIsDialledByNumber() throws Exception {
        PppFixture.requireChat();
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25"))) {
            ProcessRunner.Result r = chat(script(want("ims", 3)), m.atPort().currentPath());
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(m.commandLog().contains("ATD*99***3#"), m.commandLog().toString());
            assertTrue(m.model().context(3).active());
        }
    }

    @Test
    void noCarrierAbortsTheChat() throws Exception {
        PppFixture.requireChat();
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25").requiredApn("internet"))) {
            ProcessRunner.Result r = chat(script(want("wrong", 1)), m.atPort().currentPath());
            // chat exits 4 + n for the n-th ABORT string: NO CARRIER is the second.
            assertEquals(5, r.exitCode(), r.stderr());
            assertFalse(m.model().context(1).active());
        }
    }
}

package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real pppd 2.4.9 with the generated files. pppd checks every option (exit 2 on any it does not accept) before it
 * looks for kernel PPP support (exit 4), so where the kernel has none — this container: no ppp_generic, no /dev/ppp —
 * an exit 4 proves the options file is valid pppd syntax; a real negotiation needs /dev/ppp and a peer. Where
 * /dev/ppp works, pppd goes on to run the chat script against the simulator, which answers CONNECT.
 */
class RealPppdTest {
    @TempDir
    Path tmp;

    @Test
    void pppdAcceptsTheGeneratedOptions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PppFixture.PPPD), "pppd not installed");
        PppFixture.requireChat();
        ModemConfig want = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.BOTH,
                "jo user", "pa\"ss\\word", "", "ppp", false, 1, 1400, true, true, true);
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25"))) {
            PppSetup setup = new PppSetup(PppFixture.PPPD, PppFixture.CHAT, tmp.resolve("run"), m.atPort().currentPath(),
                    "3g-wwan", tmp.resolve("sys"), 8_000, 2_000);
            PppDataPlane p = new PppDataPlane(setup, Clock.SYSTEM);
            StepResult s = p.start(want);
            try {
                assertNotEquals(Integer.valueOf(PppExit.OPTION_ERROR.code()), p.lastExitCode(),
                        "pppd refused the generated options: " + s.message() + " " + p.pppdOutput());
                if (p.lastExitCode() != null && p.lastExitCode() == PppExit.NO_KERNEL_SUPPORT.code()) {
                    System.err.println("NOTE: no kernel PPP support here (/dev/ppp): pppd accepted the options and stopped"
                            + " before dialling; the dial-up itself is tested with the real chat (ChatDialTest, PppDataPlaneTest)");
                    assertTrue(s.message().contains("no PPP support"), s.message());
                } else {
                    // Kernel PPP works: pppd ran the chat script; the simulator answered CONNECT (no PPP peer follows).
                    assertTrue(m.commandLog().contains("ATD*99#"), m.commandLog().toString());
                }
            } finally {
                p.close();
            }
            assertNull(p.pid());
        }
    }
}

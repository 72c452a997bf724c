package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.SupervisedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The PPP plane's supervision with a stand-in pppd (this environment's kernel has no PPP) that runs the real chat
 * against the AT simulator and pppd's hooks: spawn without secrets on the command line, link up through ip-up,
 * SIGTERM to hang up, SIGKILL for a pppd that will not, exit codes that say why.
 */
class PppDataPlaneTest {
    @TempDir
    Path tmp;

    private static final ModemConfig WANT = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4,
            ModemConfig.Auth.PAP, "jo", "s3cr\"et pass", "", "ppp", false, 1, 0, true, true, true);

    private PppSetup setup(Path pppd, String tty, long graceMs) {
        return new PppSetup(pppd, PppFixture.CHAT, tmp.resolve("run"), tty, "3g-wwan", tmp.resolve("sys"), 15_000, graceMs);
    }

    private static Snapshot observe(PppDataPlane p, ModemConfig want) {
        Snapshot.Builder b = Snapshot.builder(0);
        p.observe(want, b);
        return b.build();
    }

    @Test
    void upThroughChatAndIpUpDownThroughSigterm() throws Exception {
        PppFixture.requireChat();
        Path pppd = PppFixture.standInPppd(tmp, false);
        Files.createDirectories(tmp.resolve("sys/class/net/3g-wwan"));
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25"))) {
            PppDataPlane p = new PppDataPlane(setup(pppd, m.atPort().currentPath(), 3_000), Clock.SYSTEM);
            assertEquals("ppp", p.name());
            assertEquals("3g-wwan", p.netdev());
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, WANT).pdpActivations().value());

            StepResult s = p.start(WANT);
            assertEquals(StepResult.OK, s, String.valueOf(p.pppdOutput()));
            Long pid = p.pid();
            assertNotNull(pid);
            Path run = tmp.resolve("run");
            assertEquals("file " + run.resolve("options"), Files.readString(run.resolve("argv.seen")).trim(),
                    "no secret on pppd's command line");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("options"))));
            assertTrue(m.commandLog().containsAll(List.of("AT+CGDCONT=1,\"IP\",\"internet\"", "ATD*99#")), m.commandLog().toString());
            assertTrue(m.model().context(1).active());

            Snapshot up = observe(p, WANT);
            assertEquals(List.of(new PdpActivation(1, true)), up.pdpActivations().value());
            IpConfig ip = up.ipConfig().value();
            assertEquals("10.64.64.64", ip.ipv4().address());
            assertEquals(32, ip.ipv4().prefix());
            assertEquals("10.112.112.112", ip.ipv4().gateway());
            assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
            assertFalse(ip.dhcp());
            assertTrue(up.host().value().present());
            assertTrue(p.pppdOutput().stream().noneMatch(l -> l.contains("s3cr")));

            assertEquals(StepResult.OK, p.start(WANT), "up already");
            assertEquals(pid, p.pid(), "the same pppd, not a second one");

            assertEquals(StepResult.OK, p.stop(WANT));
            assertNull(p.pid());
            assertFalse(Files.exists(run.resolve("options")), "the secrets are gone with pppd");
            assertFalse(Files.exists(run.resolve("ipv4.state")), "ip-down ran on SIGTERM");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, WANT).pdpActivations().value());
            assertEquals(StepResult.OK, p.stop(WANT), "stopping twice is fine");
        }
    }

    @Test
    void aPppdThatIgnoresSigtermIsKilled() throws Exception {
        PppFixture.requireChat();
        Path pppd = PppFixture.standInPppd(tmp, true);
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25"))) {
            PppDataPlane p = new PppDataPlane(setup(pppd, m.atPort().currentPath(), 500), Clock.SYSTEM);
            assertEquals(StepResult.OK, p.start(WANT));
            long pid = p.pid();
            List<ProcessHandle> kids = ProcessHandle.of(pid).orElseThrow().descendants().toList();
            long t0 = System.nanoTime();
            p.close();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 4_000, "grace, then SIGKILL: " + ms);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            for (ProcessHandle k : kids) assertFalse(SupervisedProcess.running(k), "no leftover child " + k.pid());
        }
    }

    @Test
    void aFailedDialSaysWhyAndLeavesNothingRunning() throws Exception {
        PppFixture.requireChat();
        Path pppd = PppFixture.standInPppd(tmp, false);
        try (SimModem m = PppFixture.registered(SimModem.builder().persona("quectel-ec25").requiredApn("other"))) {
            PppDataPlane p = new PppDataPlane(setup(pppd, m.atPort().currentPath(), 2_000), Clock.SYSTEM);
            StepResult s = p.start(WANT);
            assertFalse(s.ok());
            assertEquals(ErrorCode.CONNECT_FAILED, s.error());
            assertTrue(s.message().contains("chat script failed"), s.message());
            assertEquals(8, p.lastExitCode());
            assertNull(p.pid());
            assertFalse(Files.exists(tmp.resolve("run/options")));
        }
    }

    @Test
    void invalidValuesNeverReachPppd() throws Exception {
        Path pppd = PppFixture.standInPppd(tmp, false);
        PppDataPlane p = new PppDataPlane(setup(pppd, "/dev/null", 500), Clock.SYSTEM);
        StepResult s = p.start(WANT.withApn("bad apn"));
        assertEquals(ErrorCode.CONFIG_INVALID, s.error());
        assertNull(p.pid());
        assertFalse(Files.exists(tmp.resolve("run/argv.seen")));
    }
}

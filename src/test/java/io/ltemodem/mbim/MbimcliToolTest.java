package io.ltemodem.mbim;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.sim.mbim.BasicConnect;
import io.ltemodem.sim.mbim.MbimSimulator;
import io.ltemodem.sim.mbim.RealMbimcli;
import io.ltemodem.sim.mbim.SimpleMbimModel;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@link MbimcliTool} with the real mbimcli against the MBIM simulator: chaining, lost sessions, deadlines, secrets. */
class MbimcliToolTest {
    static final MbimTimeouts FAST = new MbimTimeouts(4_000, 6_000);

    private static MbimcliTool tool(Path mbimcli, MbimSimulator sim, ProcessRunner r, boolean proxy, MbimTimeouts t) {
        return new MbimcliTool(mbimcli.toString(), sim.devicePath(), proxy, r, t);
    }

    @Test
    void oneOpenForManyCallsAndACloseAtTheEnd() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start()) {
            MbimcliTool t = tool(mbimcli, sim, r, false, FAST);
            assertNull(t.nextTransactionId());
            assertTrue(t.radioState().ok());
            assertEquals(3, t.nextTransactionId(), "OPEN was 1, the query 2");
            assertEquals(RegisterState.HOME, t.registrationState().value().state());
            assertEquals(ReadyState.INITIALIZED, t.subscriberReadyStatus().value().readyState());
            assertTrue(t.packetServiceState().value().attached());
            assertEquals(6, t.nextTransactionId());
            assertEquals(1, sim.opens(), "one OPEN for the whole conversation");
            assertTrue(sim.isOpen());
            t.endSession();
            assertEquals(1, sim.closes());
            assertFalse(sim.isOpen());
            assertNull(t.nextTransactionId());
            assertEquals(0, r.liveChildren());
        }
    }

    @Test
    void aModemThatLostTheSessionIsOpenedAgain() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start()) {
            MbimcliTool t = tool(mbimcli, sim, r, false, FAST);
            assertTrue(t.radioState().ok());
            sim.dropSession(); // the function reset behind our back
            MbimResult<RadioState> again = t.radioState();
            assertTrue(again.ok(), again.describe());
            assertEquals(2, sim.opens());
            assertEquals(3, t.nextTransactionId());
        }
    }

    @Test
    void aSilentModemCostsOneDeadlineAndTheToolIsKilled() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start()) {
            MbimcliTool t = tool(mbimcli, sim, r, false, new MbimTimeouts(1_500, 1_500));
            assertTrue(t.radioState().ok());
            sim.faults().silent(true);
            long t0 = System.nanoTime();
            MbimResult<RegistrationStatus> reg = t.registrationState();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(reg.timedOut(), reg.describe());
            assertTrue(ms < 6_000, "bounded: " + ms);
            assertEquals(0, r.liveChildren(), "mbimcli was killed and reaped");
            assertNull(t.nextTransactionId(), "after a kill the session's state is unknown: the next call opens anew");
            sim.faults().clear();
            assertTrue(t.registrationState().ok());
        }
    }

    @Test
    void statusErrorsAreTypedAndSecretsStayOutOfMessages() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM).requireAccessString("internet");
        try (MbimSimulator sim = MbimSimulator.builder(model).start()) {
            MbimcliTool t = tool(mbimcli, sim, r, false, FAST);
            ModemConfig want = new ModemConfig("wwan", "auto", "wrong.apn", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP,
                    "jo user", "s3cr'et,pass", "", "mbim", false, 1, 0, true, true, true);
            MbimResult<ConnectResult> c = t.connect(ConnectRequest.of(want, 0));
            assertTrue(c.is(MbimStatus.INVALID_ACCESS_STRING), c.describe());
            assertEquals("jo user", model.lastConnect().username(), "quoted values arrive whole");
            assertEquals("s3cr'et,pass", model.lastConnect().password());
            assertEquals(1, model.lastConnect().auth(), "pap");
            assertFalse(c.describe().contains("s3cr"), c.describe());
            assertFalse(ConnectRequest.of(want, 0).toString().contains("s3cr"));

            MbimResult<ConnectResult> ok = t.connect(ConnectRequest.of(want.withApn("internet"), 0));
            assertTrue(ok.ok(), ok.describe());
            assertEquals("10.123.45.67", ok.value().ipConfig().ipv4().address());
            assertEquals(1, sim.commands(BasicConnect.IP_CONFIGURATION, false), "mbimcli reads the settings right after");
            assertTrue(t.connectionState(0).value().active());
            assertTrue(t.disconnect(0).ok());
            assertFalse(t.connectionState(0).value().active());
            MbimResult<io.ltemodem.model.IpConfig> none = t.ipConfiguration(0);
            assertTrue(none.is(MbimStatus.CONTEXT_NOT_ACTIVATED), none.describe());
        }
    }

    @Test
    void pinEntryAndRadio() throws Exception {
        Path mbimcli = RealMbimcli.require();
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM).requirePin("4321");
        try (MbimSimulator sim = MbimSimulator.builder(model).start()) {
            MbimcliTool t = tool(mbimcli, sim, r, false, FAST);
            assertEquals(new PinInfo(true, PinType.PIN1, 3), t.pinState().value());
            assertTrue(t.enterPin("1111").is(MbimStatus.FAILURE));
            assertEquals(2, t.pinState().value().remainingAttempts());
            assertTrue(t.enterPin("12ab").status() == MbimResult.Status.FAILED, "no digits, no call");
            assertEquals(2, model.pinAttempts() + 1);
            assertTrue(t.enterPin("4321").ok());
            assertFalse(t.pinState().value().locked());
            assertFalse(t.setRadio(false).value().softwareOn());
            assertTrue(t.setRadio(true).value().on());
            assertEquals(RegisterState.HOME, t.registerAutomatic().value().state());
        }
    }

    private static boolean proxyListening() {
        try {
            return Files.readAllLines(Path.of("/proc/net/unix")).stream().anyMatch(l -> l.endsWith("@mbim-proxy"));
        } catch (Exception e) {
            return false;
        }
    }

    /** The test starts its own mbim-proxy (mbimcli would otherwise spawn one that outlives the test) and ends it. */
    @Test
    void throughMbimProxy() throws Exception {
        Path mbimcli = RealMbimcli.require();
        Path proxy = MbimTools.proxyPath();
        if (proxy == null) System.err.println("SKIPPED: mbim-proxy is not installed; mbimcli -p not tested");
        Assumptions.assumeTrue(proxy != null, "mbim-proxy not installed");
        Assumptions.assumeFalse(proxyListening(), "an mbim-proxy that is not ours is running");
        Process p = new ProcessBuilder(proxy.toString(), "--empty-timeout=5").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start()) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!proxyListening() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(proxyListening(), "mbim-proxy listens");
            MbimcliTool t = tool(mbimcli, sim, r, true, FAST);
            assertTrue(t.radioState().value().on());
            MbimResult<ConnectResult> c = t.connect(ConnectRequest.of(ModemConfig.defaults("wwan").withApn("internet"), 0));
            assertTrue(c.ok(), c.describe());
            assertTrue(t.connectionState(0).value().active());
            assertNull(t.nextTransactionId(), "the proxy keeps the device open, not us");
            assertTrue(t.disconnect(0).ok());
        } finally {
            p.destroy();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
        }
    }
}

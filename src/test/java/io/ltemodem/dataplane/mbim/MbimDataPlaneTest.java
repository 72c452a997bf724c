package io.ltemodem.dataplane.mbim;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.mbim.MbimcliTool;
import io.ltemodem.mbim.RegisterState;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.sim.mbim.MbimSimulator;
import io.ltemodem.sim.mbim.RealMbimcli;
import io.ltemodem.sim.mbim.SimpleMbimModel;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The MBIM plane through the real mbimcli against the MBIM simulator: observe, connect, disconnect, PIN, radio. */
class MbimDataPlaneTest {
    static final MbimTimeouts FAST = new MbimTimeouts(4_000, 6_000);
    static final ModemConfig WANT = ModemConfig.defaults("wwan").withApn("internet").withPdpType(ModemConfig.PdpType.IPV4);

    @TempDir
    Path sys;

    private MbimDataPlane plane(MbimSimulator sim, ProcessRunner r, MbimTimeouts t) throws Exception {
        Path net = Files.createDirectories(sys.resolve("class/net/wwan0"));
        Files.writeString(net.resolve("operstate"), "up\n");
        Files.writeString(net.resolve("flags"), "0x1003\n");
        MbimcliTool tool = new MbimcliTool(RealMbimcli.require().toString(), sim.devicePath(), false, r, t);
        return new MbimDataPlane(tool, new SysfsNetdev(sys, "wwan0"), Clock.SYSTEM);
    }

    private static Snapshot observe(MbimDataPlane p, ModemConfig want) {
        Snapshot.Builder b = Snapshot.builder(0);
        p.observe(want, b);
        return b.build();
    }

    @Test
    void aFullConnectAndDisconnect() throws Exception {
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM);
        try (MbimSimulator sim = MbimSimulator.builder(model).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            assertEquals("mbim", p.name());
            assertEquals("wwan0", p.netdev());
            Snapshot before = observe(p, WANT);
            assertEquals(SimState.READY, before.sim().value().state());
            assertEquals(1, before.radio().value());
            assertEquals(RegStat.HOME, before.registration(RegDomain.EPS).value().stat());
            assertEquals("Telekom.de", before.operator().value().name());
            assertTrue(before.psAttached().value());
            assertEquals(List.of(new PdpActivation(1, false)), before.pdpActivations().value());
            assertFalse(before.ipConfig().known());
            assertTrue(before.host().value().present());
            assertTrue(before.host().value().up());

            assertEquals(StepResult.OK, p.start(WANT));
            assertEquals(1, model.activeSessions());
            assertEquals(StepResult.OK, p.start(WANT), "a session that is up is kept");
            assertEquals(1, model.connects(), "not connected twice");

            Snapshot up = observe(p, WANT);
            assertEquals(List.of(new PdpActivation(1, true)), up.pdpActivations().value());
            IpConfig ip = up.ipConfig().value();
            assertEquals("10.123.45.67", ip.ipv4().address());
            assertEquals(29, ip.ipv4().prefix());
            assertEquals("10.123.45.68", ip.ipv4().gateway());
            assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
            assertEquals(1500, ip.mtu());
            assertFalse(ip.dhcp(), "cdc_mbim is raw IP: static settings");

            assertEquals(StepResult.OK, p.stop(WANT));
            assertEquals(0, model.activeSessions());
            assertEquals(StepResult.OK, p.stop(WANT), "stopping a stopped session succeeds");
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, WANT).pdpActivations().value());
            assertEquals(1, sim.opens(), "the whole conversation in one MBIM session");
        }
        assertEquals(0, r.liveChildren());
    }

    @Test
    void startAttachesFirstWhenDetached() throws Exception {
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM);
        model.setPacketService(false);
        try (MbimSimulator sim = MbimSimulator.builder(model).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            assertFalse(observe(p, WANT).psAttached().value());
            assertEquals(StepResult.OK, p.start(WANT));
            assertTrue(observe(p, WANT).psAttached().value());
        }
    }

    @Test
    void aRefusedApnSaysSoWithoutSecrets() throws Exception {
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM).requireAccessString("internet");
        ModemConfig want = new ModemConfig("wwan", "auto", "other", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.CHAP,
                "user", "topsecret", "", "mbim", false, 1, 0, true, true, true);
        try (MbimSimulator sim = MbimSimulator.builder(model).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            StepResult s = p.start(want);
            assertFalse(s.ok());
            assertEquals(ErrorCode.CONNECT_FAILED, s.error());
            assertTrue(s.message().contains("InvalidAccessString") && s.message().contains("check the APN"), s.message());
            assertFalse(s.message().contains("topsecret"));
            assertEquals(2, model.lastConnect().auth(), "chap");
            assertEquals("topsecret", model.lastConnect().password());
        }
    }

    @Test
    void pinEntryReportsTriesLeftAndTheBlockedSim() throws Exception {
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM).requirePin("4321").pinRetries(2, 10);
        try (MbimSimulator sim = MbimSimulator.builder(model).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            SimStatus locked = observe(p, WANT).sim().value();
            assertEquals(new SimStatus(SimState.PIN, 2, null), locked);
            assertEquals(RegStat.NOT_REGISTERED, observe(p, WANT).registration(RegDomain.EPS).value().stat());

            PinVerifyResult wrong = p.verifyPin("1111");
            assertEquals(PinVerifyResult.Outcome.INCORRECT_PIN, wrong.outcome());
            assertEquals(1, wrong.pinRetries());
            assertFalse(String.valueOf(wrong.message()).contains("1111"));

            PinVerifyResult last = p.verifyPin("2222");
            assertEquals(PinVerifyResult.Outcome.BLOCKED, last.outcome(), "the last try used: PUK");
            assertEquals(10, last.pukRetries());
            assertEquals(new SimStatus(SimState.PUK, 0, 10), observe(p, WANT).sim().value());
        }
        SimpleMbimModel fresh = new SimpleMbimModel(Clock.SYSTEM).requirePin("4321");
        try (MbimSimulator sim = MbimSimulator.builder(fresh).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            assertEquals(PinVerifyResult.Outcome.VERIFIED, p.verifyPin("4321").outcome());
            assertEquals(SimState.READY, observe(p, WANT).sim().value().state());
        }
    }

    @Test
    void radioAndRegistration() throws Exception {
        ProcessRunner r = new ProcessRunner();
        SimpleMbimModel model = new SimpleMbimModel(Clock.SYSTEM);
        try (MbimSimulator sim = MbimSimulator.builder(model).start(); MbimDataPlane p = plane(sim, r, FAST)) {
            assertEquals(StepResult.OK, p.setRadio(false));
            Snapshot off = observe(p, WANT);
            assertEquals(4, off.radio().value());
            assertEquals(RegStat.NOT_REGISTERED, off.registration(RegDomain.EPS).value().stat());
            StepResult refused = p.start(WANT);
            assertFalse(refused.ok(), "no session with the radio off");
            assertEquals(StepResult.OK, p.setRadio(true));
            assertEquals(StepResult.OK, p.registerAutomatic());
            model.registration(RegisterState.DENIED);
            assertEquals(RegStat.DENIED, observe(p, WANT).registration(RegDomain.EPS).value().stat());
            model.hardwareRadio(false);
            StepResult rfkill = p.setRadio(true);
            assertFalse(rfkill.ok());
            assertTrue(rfkill.message().contains("hardware"), rfkill.message());
        }
    }

    @Test
    void aSilentModemLeavesTheFactsUnknownWithinOneDeadline() throws Exception {
        ProcessRunner r = new ProcessRunner();
        try (MbimSimulator sim = MbimSimulator.builder(new SimpleMbimModel(Clock.SYSTEM)).start();
             MbimDataPlane p = plane(sim, r, new MbimTimeouts(1_200, 1_200))) {
            sim.faults().silent(true);
            long t0 = System.nanoTime();
            Snapshot s = observe(p, WANT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "observe stops at the first timeout: " + ms);
            assertFalse(s.sim().known());
            assertFalse(s.pdpActivations().known());
            assertTrue(s.host().known(), "the host side is read from sysfs regardless");
            StepResult st = p.start(WANT);
            assertEquals(ErrorCode.TIMEOUT, st.error());
            assertEquals(0, r.liveChildren());
        }
    }
}

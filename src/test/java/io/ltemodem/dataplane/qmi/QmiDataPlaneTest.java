package io.ltemodem.dataplane.qmi;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.HostLink;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.SimState;
import io.ltemodem.model.Snapshot;
import io.ltemodem.qmi.IpFamily;
import io.ltemodem.qmi.PinVerifyResult;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.qmi.QmiModemModel;
import io.ltemodem.sim.qmi.QmiServices;
import io.ltemodem.sys.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The QMI data plane through the real qmicli against the simulator. */
class QmiDataPlaneTest {
    @TempDir
    Path sysfs;

    private RealQmicli q;
    private QmiDataPlane plane;

    private static final ModemConfig V4 = ModemConfig.defaults("wwan").withApn("internet").withPdpType(ModemConfig.PdpType.IPV4);

    private QmiDataPlane plane(int cidPool, QmiTimeouts t, QmiNetdev netdev) throws Exception {
        q = RealQmicli.start(cidPool, t);
        plane = new QmiDataPlane(q.tool, netdev, Clock.SYSTEM);
        return plane;
    }

    private QmiDataPlane plane() throws Exception {
        return plane(16, RealQmicli.TEST_TIMEOUTS, null);
    }

    @AfterEach
    void tearDown() {
        if (plane != null) plane.close();
        if (q != null) q.close();
    }

    private Snapshot observe(ModemConfig want) {
        Snapshot.Builder b = Snapshot.builder(0);
        plane.observe(want, b);
        return b.build();
    }

    @Test
    void startObserveStop() throws Exception {
        Path net = QmiNetdevTest.ec25(sysfs, "up");
        QmiNetdevTest.FakeLink link = new QmiNetdevTest.FakeLink(net);
        plane(16, RealQmicli.TEST_TIMEOUTS, new QmiNetdev(sysfs, "wwan0", link));
        assertEquals("qmi", plane.name());
        assertEquals("wwan0", plane.netdev());

        Snapshot before = observe(V4);
        assertEquals(SimState.READY, before.sim().value().state());
        assertEquals(1, before.radio().value());
        assertEquals(RegStat.HOME, before.registration(RegDomain.EPS).value().stat());
        assertEquals(7, before.registration(RegDomain.EPS).value().act());
        assertEquals("262", before.operator().value().mcc());
        assertEquals("01", before.operator().value().mnc());
        assertTrue(before.psAttached().value());
        assertEquals(-95, before.signal().value().rsrp());
        assertEquals(List.of(new PdpActivation(1, false)), before.pdpActivations().value());
        assertFalse(before.contextActive(1));
        assertFalse(before.ipConfig().known());
        assertEquals(new HostLink("wwan0", true, true, false), before.host().value());

        StepResult r = plane.start(V4);
        assertTrue(r.ok(), String.valueOf(r));
        // the modem frames raw-ip: the netdev went down and raw_ip became Y before the session started
        assertEquals(List.of("wwan0"), link.calls);
        assertEquals("Y", Files.readString(net.resolve("qmi/raw_ip")).trim());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(Map.of(IpFamily.V4, 1), plane.heldClients());

        Snapshot up = observe(V4);
        assertTrue(up.contextActive(1));
        IpConfig ip = up.ipConfig().value();
        assertEquals("10.123.45.67", ip.ipv4().address());
        assertEquals(29, ip.ipv4().prefix());
        assertEquals("10.123.45.68", ip.ipv4().gateway());
        assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
        assertEquals(1500, ip.mtu());
        assertEquals(Boolean.TRUE, up.host().value().rawIp());

        assertTrue(plane.start(V4).ok(), "idempotent");
        assertEquals(1, q.model.sessionsStarted(), "an up session is kept, not started twice");

        assertTrue(plane.stop(V4).ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(0, q.model.activeSessions());
        assertTrue(plane.heldClients().isEmpty());
        assertFalse(observe(V4).contextActive(1));
        assertTrue(plane.stop(V4).ok(), "stopping a stopped session succeeds");
    }

    @Test
    void dualStackIsTwoClients() throws Exception {
        plane();
        ModemConfig both = V4.withPdpType(ModemConfig.PdpType.IPV4V6);
        assertTrue(plane.start(both).ok());
        assertEquals(2, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(2, q.model.activeSessions());
        IpConfig ip = observe(both).ipConfig().value();
        assertEquals("10.123.45.67", ip.ipv4().address());
        assertEquals("2001:db8:1234:5678::1", ip.ipv6().address());
        assertEquals(64, ip.ipv6().prefix());
        assertTrue(plane.stop(both).ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(0, q.model.activeSessions());
    }

    @Test
    void ipv6Only() throws Exception {
        plane();
        ModemConfig v6 = V4.withPdpType(ModemConfig.PdpType.IPV6);
        assertTrue(plane.start(v6).ok());
        IpConfig ip = observe(v6).ipConfig().value();
        assertNull(ip.ipv4());
        assertEquals("2001:db8:1234:5678::1", ip.ipv6().address());
    }

    @Test
    void callFailedIsAConnectFailureWithTheReason() throws Exception {
        plane();
        q.model.expectApn("internet").expectCredentials("user", "S3cr3t-pw");
        ModemConfig wrongPw = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP,
                "user", "Wr0ng-pw", "", "qmi", false, 1, 0, true, true, true);
        StepResult r = plane.start(wrongPw);
        assertFalse(r.ok());
        assertEquals(ErrorCode.CONNECT_FAILED, r.error());
        assertTrue(r.message().contains("authentication-failed"), r.message());
        assertTrue(r.message().contains("check username, password"), r.message());
        assertFalse(r.message().contains("Wr0ng-pw"));

        StepResult apn = plane.start(V4.withApn("nope"));
        assertTrue(apn.message().contains("check the APN"), apn.message());

        q.model.failNextStart(3, 6, 33);
        StepResult r2 = plane.start(V4);
        assertTrue(r2.message().contains("option-unsubscribed"), r2.message());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS), "the client is kept for the next try, not leaked");
        assertTrue(plane.stop(V4).ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
    }

    @Test
    void noServiceIsRefusedByTheModem() throws Exception {
        plane();
        q.model.registration(QmiModemModel.RegState.SEARCHING);
        Snapshot s = observe(V4);
        assertEquals(RegStat.SEARCHING, s.registration(RegDomain.EPS).value().stat());
        assertFalse(s.psAttached().value());
        StepResult r = plane.start(V4);
        assertEquals(ErrorCode.CONNECT_FAILED, r.error());
        assertTrue(r.message().contains("generic-no-service"), r.message());
        q.model.registration(QmiModemModel.RegState.DENIED);
        assertEquals(RegStat.DENIED, observe(V4).registration(RegDomain.EPS).value().stat());
    }

    @Test
    void observeSimAndRadioStates() throws Exception {
        plane();
        q.model.requirePin("4321").pinRetries(2, 10);
        Snapshot locked = observe(V4);
        assertEquals(SimState.PIN, locked.sim().value().state());
        assertEquals(2, locked.sim().value().pinRetries());
        assertEquals(RegStat.NOT_REGISTERED, locked.registration(RegDomain.EPS).value().stat());
        q.model.simAbsent();
        assertEquals(SimState.ABSENT, observe(V4).sim().value().state());
        q.model.simPresent().uimInitializing(true);
        assertEquals(SimState.BUSY, observe(V4).sim().value().state());
        q.model.uimInitializing(false);
        assertTrue(plane.setRadio(false).ok());
        assertEquals(4, observe(V4).radio().value());
        assertTrue(plane.setRadio(true).ok());
        assertEquals(1, observe(V4).radio().value());
    }

    @Test
    void verifyPinWrongThenRight() throws Exception {
        plane();
        q.model.requirePin("4321");
        PinVerifyResult wrong = plane.verifyPin("0000");
        assertEquals(PinVerifyResult.Outcome.INCORRECT_PIN, wrong.outcome());
        assertEquals(2, wrong.pinRetries());
        assertEquals(10, wrong.pukRetries());
        assertFalse(wrong.toString().contains("0000"));
        PinVerifyResult right = plane.verifyPin("4321");
        assertTrue(right.verified());
        assertEquals(SimState.READY, observe(V4).sim().value().state());

        q.model.requirePin("4321").pinRetries(1, 10);
        PinVerifyResult last = plane.verifyPin("9999");
        assertEquals(PinVerifyResult.Outcome.BLOCKED, last.outcome(), "the last try gone: PUK needed");
        assertEquals(SimState.PUK, observe(V4).sim().value().state());
        assertEquals(PinVerifyResult.Outcome.BLOCKED, plane.verifyPin("4321").outcome());
    }

    @Test
    void softResetIsOfflineThenReset() throws Exception {
        plane();
        q.model.requirePin("4321");
        assertTrue(plane.verifyPin("4321").verified());
        assertTrue(plane.start(V4).ok());
        assertEquals(1, q.model.activeSessions());
        StepResult r = plane.softReset();
        assertTrue(r.ok(), String.valueOf(r));
        assertEquals(1, q.model.resets());
        assertEquals(0, q.model.activeSessions());
        assertTrue(plane.heldClients().isEmpty(), "the reset took our client ids with it");
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(SimState.PIN, observe(V4).sim().value().state(), "a reboot locks the SIM again");
    }

    @Test
    void exhaustedClientIdsAreCuredBySyncAndOneRetry() throws Exception {
        plane(3, RealQmicli.TEST_TIMEOUTS, null);
        // A script that leaks a client per run, as qmi.sh-era setups do:
        for (int i = 0; i < 3; i++) assertTrue(q.tool.allocateWdsClient().ok());
        assertEquals(3, q.sim.cidsInUse(QmiServices.WDS));
        StepResult r = plane.start(V4);
        assertTrue(r.ok(), String.valueOf(r));
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS), "the leaked ids are gone, ours is held");
        assertTrue(q.sim.requests(QmiServices.CTL, 0x0027) >= 1, "a CTL sync was sent");
    }

    @Test
    void exhaustedIdsOfAnotherServiceAreCuredBySyncWhenObserving() throws Exception {
        plane(3, RealQmicli.TEST_TIMEOUTS, null);
        // Leaked UIM clients: every card status on a temporary client fails, and the SIM would stay unknown for ever.
        var uim = q.sim.pool(QmiServices.UIM);
        while (uim.allocate() > 0) {
            // taken
        }
        assertFalse(observe(V4).sim().known(), "nothing readable while the ids are gone");
        assertTrue(q.sim.requests(QmiServices.CTL, 0x0027) >= 1, "a CTL sync was sent");
        assertEquals(0, uim.inUse(), "the sync freed them");
        assertTrue(observe(V4).sim().known(), "the next look reads the SIM");
    }

    @Test
    void aSyncForTheSecondFamilyDoesNotLoseTheFirst() throws Exception {
        plane(3, RealQmicli.TEST_TIMEOUTS, null);
        for (int i = 0; i < 2; i++) assertTrue(q.tool.allocateWdsClient().ok()); // leaked by someone else
        ModemConfig both = V4.withPdpType(ModemConfig.PdpType.IPV4V6);
        assertTrue(plane.start(both).ok());
        assertEquals(2, q.model.activeSessions(), "IPv4 was started again after the sync ended it");
        assertEquals(2, q.sim.cidsInUse(QmiServices.WDS));
        IpConfig ip = observe(both).ipConfig().value();
        assertNotNull(ip.ipv4());
        assertNotNull(ip.ipv6());
    }

    @Test
    void aClientTheModemForgotIsReplaced() throws Exception {
        plane();
        assertTrue(plane.start(V4).ok());
        assertTrue(q.tool.sync().ok()); // someone else synced: our client and its session are gone
        assertEquals(0, q.model.activeSessions());
        assertFalse(observe(V4).contextActive(1));
        assertTrue(plane.start(V4).ok());
        assertEquals(1, q.model.activeSessions());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS));
    }

    @Test
    void theNetworkDroppingTheSessionIsSeenAndRepaired() throws Exception {
        plane();
        assertTrue(plane.start(V4).ok());
        q.model.dropAllSessions();
        assertFalse(observe(V4).contextActive(1));
        assertTrue(plane.start(V4).ok());
        assertEquals(2, q.model.sessionsStarted());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS), "same client reused");
    }

    @Test
    void aSessionLeftByAnotherProgramIsStoppedWithTheGlobalHandle() throws Exception {
        plane();
        int leaked = q.tool.allocateWdsClient().value();
        assertTrue(q.tool.startNetwork(leaked, io.ltemodem.qmi.StartNetworkRequest.of(V4, IpFamily.V4)).ok());
        assertTrue(observe(V4).contextActive(1));
        assertTrue(plane.stop(V4).ok());
        assertEquals(0, q.model.activeSessions());
    }

    @Test
    void closeReleasesTheClient() throws Exception {
        plane();
        assertTrue(plane.start(V4).ok());
        plane.close();
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertTrue(plane.heldClients().isEmpty());
    }

    @Test
    void twoHundredCyclesLeaveTheCidPoolAsItWas() throws Exception {
        plane(8, RealQmicli.TEST_TIMEOUTS, null);
        int before = q.sim.cidsInUse(QmiServices.WDS);
        for (int i = 0; i < 200; i++) {
            StepResult up = plane.start(V4);
            assertTrue(up.ok(), "cycle " + i + ": " + up);
            StepResult down = plane.stop(V4);
            assertTrue(down.ok(), "cycle " + i + ": " + down);
        }
        assertEquals(before, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(200, q.sim.pool(QmiServices.WDS).allocations());
        assertEquals(200, q.model.sessionsStarted());
        assertEquals(0, q.model.activeSessions());
        assertEquals(0, q.sim.requests(QmiServices.CTL, 0x0027), "never needed a sync: nothing leaked");
        assertEquals(0, q.runner.liveChildren());
    }

    @Test
    void aModemThatFallsSilentMidStartCostsOneDeadlineAndNoProcess() throws Exception {
        plane(16, new QmiTimeouts(1_500, 1_500, 1_500), null);
        q.sim.faults().ignore(QmiServices.WDS, 0x0020); // Start Network: no answer, ever
        long t0 = System.nanoTime();
        StepResult r = plane.start(V4);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.ok());
        assertEquals(ErrorCode.TIMEOUT, r.error(), r.message());
        assertTrue(ms < 1_500 + 3_500, "bounded by the deadline plus the kill grace: " + ms + " ms");
        assertEquals(0, q.runner.liveChildren());
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(), "no qmicli left");
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS), "the client allocated before the start is still ours");

        q.sim.faults().clear();
        assertTrue(plane.start(V4).ok(), "it answers again: the same client is used");
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS));
        assertTrue(plane.stop(V4).ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
    }

    @Test
    void observeOfASilentModemStopsAtTheFirstTimeout() throws Exception {
        plane(16, new QmiTimeouts(1_000, 1_000, 1_000), null);
        q.sim.faults().silent(true);
        long t0 = System.nanoTime();
        Snapshot s = observe(V4);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1_000 + 2_500, "one deadline, not one per request: " + ms + " ms");
        assertFalse(s.sim().known());
        assertFalse(s.radio().known());
        assertFalse(s.pdpActivations().known());
        assertEquals(0, q.runner.liveChildren());
    }

    @Test
    void identityFromDms() throws Exception {
        plane();
        assertEquals("867962041234567", plane.identity().value().imei());
    }
}

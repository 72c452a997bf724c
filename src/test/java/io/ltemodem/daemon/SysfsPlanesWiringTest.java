package io.ltemodem.daemon;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.device.UsbCompositions;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.Planner;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.mbim.MbimcliTool;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.StateKind;
import io.ltemodem.ppp.PppFixture;
import io.ltemodem.ppp.PppSetup;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.mbim.AtModemMbimModel;
import io.ltemodem.sim.mbim.MbimSimulator;
import io.ltemodem.sim.mbim.RealMbimcli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The production wiring ({@link SysfsModemFactory}) picks every data plane by itself from a fake sysfs tree whose
 * {@code /dev} nodes (in a temporary dev root) are symlinks to simulated ports: MBIM through the real mbimcli (with
 * AT control, and with MBIM control on a modem without an AT port), Huawei NCM (^NDISDUP), Quectel ECM and RNDIS
 * (+QNETDEVCTL), a HiLink stick with no control plane, and PPP on the modem port while the probe keeps the AT port.
 */
class SysfsPlanesWiringTest {
    private static final MbimTimeouts MBIM_TIMEOUTS = new MbimTimeouts(4_000, 6_000);

    @TempDir
    Path dir;

    private SysfsRig rig;
    private Path sys;
    private Path dev;
    private SimModem sim;
    private MbimSimulator mbim;
    private Daemon daemon;

    @BeforeEach
    void setUp() throws Exception {
        rig = new SysfsRig(dir);
        sys = rig.sys;
        dev = rig.dev;
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
    }

    private final ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");

    /** No QMI here; MBIM through the real mbimcli with test deadlines; pppd as the test says. */
    private HostTools tools() {
        Path mbimcli = RealMbimcli.require();
        return HostTools.installed(rig.runner)
                .withQmi(device -> fail("no QMI on this modem"))
                .withMbim(device -> new MbimcliTool(mbimcli.toString(), device, false, rig.runner, MBIM_TIMEOUTS));
    }

    private Daemon daemon(ModemConfig want, HostTools tools) {
        return daemon = rig.start(() -> want, tools);
    }

    private ModemStatus await(Predicate<ModemStatus> p, String what) throws InterruptedException {
        return rig.await(p, what);
    }

    private ModemStatus awaitOnline() throws InterruptedException {
        return await(x -> x.state().kind() == StateKind.ONLINE, "online");
    }

    /** netifd brings the interface up once the proto handler hands it over; the fake tree starts with it down. */
    private void linkUp(String netdev) throws Exception {
        Path d = Files.createDirectories(sys.resolve("class/net").resolve(netdev));
        Files.writeString(d.resolve("operstate"), "up\n");
        Files.writeString(d.resolve("flags"), "0x1003\n");
        Files.writeString(d.resolve("carrier"), "1\n");
    }

    private SimModem start(SimModem.Builder b) {
        return rig.closing(b.build().start());
    }

    private SimModem.Builder modem(String persona) {
        return rig.modem(persona);
    }

    /** The MBIM function of {@code sim} on a pty, reached through {@code dev/cdc-wdm0} as mbimcli would open it. */
    private void mbimPort(SimModem sim) throws Exception {
        mbim = rig.closing(MbimSimulator.builder(new AtModemMbimModel(sim.model())).clock(rig.clock).start());
        Files.createSymbolicLink(dev.resolve("cdc-wdm0"), Path.of(mbim.devicePath()));
    }

    @Test
    void anEc25InMbimModeGoesOnlineOverMbimWithAtControl() throws Exception {
        UsbCompositions.quectelEc25Mbim(rig.tree, "1-1");
        sim = start(modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")));
        mbimPort(sim);
        daemon(want, tools());
        ModemStatus s = awaitOnline();
        assertEquals("mbim", s.protocol());
        assertEquals("wwan0", s.netdev());
        assertTrue(sim.model().context(1).active(), "the session is up on the modem");
        assertTrue(mbim.commands(BASIC_CONNECT_CONNECT, true) >= 1, "connected over MBIM");
        assertTrue(sim.commandLog().stream().noneMatch(c -> c.startsWith("AT+CGACT=1")), "not over AT");

        DeviceInfo d = daemon.device("wwan");
        assertEquals("cdc_mbim", d.driver());
        assertEquals("mbim", d.protocol());
        assertEquals(dev.resolve("ttyUSB2").toString(), d.atPort(), "AT on if4 in this composition");
        assertEquals(dev.resolve("cdc-wdm0").toString(), d.controlPort());
    }

    /** MBIM CONNECT's CID in BASIC_CONNECT. */
    private static final int BASIC_CONNECT_CONNECT = 12;

    @Test
    void aModemWithOnlyMbimIsControlledOverMbimIncludingItsPin() throws Exception {
        UsbCompositions.mbimOnly(rig.tree, "1-1");
        sim = start(modem("fibocom-l850").pin("7361").simState(SimCardState.PIN));
        mbimPort(sim);
        daemon(want.withPin("7361"), tools());
        ModemStatus s = awaitOnline();
        assertEquals("mbim", s.protocol());
        assertEquals(SimCardState.READY, sim.simState(), "the PIN went over MBIM");
        assertEquals(1, sim.pinAttempts());
        assertEquals(List.of(), sim.commandLog(), "nothing went over AT");
        assertNull(daemon.device("wwan").atPort());
        assertTrue(sim.model().context(1).active());
    }

    @Test
    void aHuaweiStickInNcmModeDialsWithNdisdup() throws Exception {
        UsbCompositions.huaweiE3372Stick(rig.tree, "1-1");
        linkUp("wwan0");
        sim = start(modem("huawei-e3372").portLink(dev.resolve("ttyUSB0")));
        daemon(want, tools());
        ModemStatus s = awaitOnline();
        assertEquals("ncm", s.protocol());
        assertEquals("wwan0", s.netdev());
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT^NDISDUP=1,1")), String.valueOf(sim.commandLog()));
        assertTrue(s.snapshot().ipConfig().value().dhcp(), "netifd runs DHCP on the netdev");
        assertEquals("huawei_cdc_ncm", daemon.device("wwan").driver());
    }

    @Test
    void aQuectelInRndisModeDialsWithQnetdevctl() throws Exception {
        UsbCompositions.quectelEc25Rndis(rig.tree, "1-1");
        linkUp("usb0");
        sim = start(modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")));
        daemon(want, tools());
        ModemStatus s = awaitOnline();
        assertEquals("rndis", s.protocol());
        assertEquals("usb0", s.netdev());
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT+QNETDEVCTL=1,1,1")), String.valueOf(sim.commandLog()));
        assertTrue(s.snapshot().ipConfig().value().dhcp());
    }

    @Test
    void aQuectelInEcmModeDialsWithQnetdevctl() throws Exception {
        UsbCompositions.quectelEc25Ecm(rig.tree, "1-1");
        linkUp("usb0");
        sim = start(modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")));
        daemon(want, tools());
        ModemStatus s = awaitOnline();
        assertEquals("ecm", s.protocol());
        assertEquals("usb0", s.netdev());
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT+QNETDEVCTL=1,1,1")), String.valueOf(sim.commandLog()));
        assertEquals(dev.resolve("ttyUSB2").toString(), daemon.device("wwan").atPort(), "AT on if2 in the ECM composition");
    }

    @Test
    void aHiLinkStickHasNoControlPlaneAndRecoversFromTheUsbReset() throws Exception {
        UsbCompositions.huaweiHilink(rig.tree, "1-1");
        linkUp("eth1");
        daemon(want, tools());
        ModemStatus s = awaitOnline();
        assertEquals("cdc_ether", s.protocol());
        assertEquals("eth1", s.netdev());
        assertEquals(Planner.NO_CONTROL_PLANE, s.state().detail());
        assertFalse(s.snapshot().sim().known(), "nothing to ask about the SIM");
        assertFalse(s.snapshot().bestRegistration().known(), "nor about registration");

        // The stick's link loses carrier and keeps it lost: no session to restart, no radio, no soft reset — L4.
        Files.writeString(sys.resolve("class/net/eth1/carrier"), "0\n");
        ModemStatus down = await(x -> x.state().kind() != StateKind.ONLINE, "off line");
        assertEquals(Planner.NO_CONTROL_PLANE, down.state().detail());
        await(x -> x.level() == RecoveryLevel.L4_USB, "recovering with a USB reset");
        Path authorized = sys.resolve("bus/usb/devices/1-1/authorized");
        awaitFile(authorized, "0", "de-authorised");
        Files.writeString(sys.resolve("class/net/eth1/carrier"), "1\n"); // the stick comes back with its link
        awaitFile(authorized, "1", "authorised again");
        assertEquals(Planner.NO_CONTROL_PLANE, awaitOnline().state().detail());
    }

    private static void awaitFile(Path f, String content, String what) throws Exception {
        long deadline = System.nanoTime() + SysfsRig.REAL_MS * 1_000_000L;
        while (!(Files.exists(f) && Files.readString(f).trim().equals(content))) {
            if (System.nanoTime() > deadline) fail("not " + what + " within " + SysfsRig.REAL_MS + " ms");
            Thread.sleep(5);
        }
    }

    @Test
    void pppDialsOnTheModemPortWhileTheProbeKeepsTheAtPort() throws Exception {
        PppFixture.requireChat();
        UsbCompositions.quectelEc25SerialOnly(rig.tree, "1-1");
        Files.createDirectories(sys.resolve("class/net/3g-wwan"));
        sim = start(modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")).modemPortLink(dev.resolve("ttyUSB3")));
        Path pppd = PppFixture.standInPppd(Files.createDirectories(dir.resolve("bin")), false);
        Path run = dir.resolve("run");
        HostTools tools = tools().withPpp((name, tty, sysRoot) -> new PppSetup(pppd, PppFixture.CHAT, run, tty, "3g-" + name, sysRoot, 15_000, 3_000));
        daemon(want, tools);
        ModemStatus s = awaitOnline();
        assertEquals("ppp", s.protocol());
        assertEquals("3g-wwan", s.netdev());
        assertTrue(sim.modemPort().commandLog().stream().anyMatch(c -> c.startsWith("ATD*99")), "dialled on the modem port: " + sim.modemPort().commandLog());
        assertTrue(sim.atPort().commandLog().stream().noneMatch(c -> c.startsWith("ATD")), "never on the AT port");
        assertEquals(dev.resolve("ttyUSB2").toString(), daemon.device("wwan").atPort());
        assertEquals(dev.resolve("ttyUSB3").toString(), daemon.device("wwan").controlPort(), "the PPP port is reported");
        assertEquals("file " + run.resolve("options"), Files.readString(run.resolve("argv.seen")).trim());

        rig.stopDaemon();
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").contains("pppd")
                || p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("pppd")), "pppd stopped with the daemon");
    }

    @Test
    void pppWithoutASecondTtyIsAConfigurationError() throws Exception {
        rig.tree.device("1-1", "2cb7", "0007").strings("Fibocom", "L850-GL").iface(2, "02", "02", "01", "cdc_acm", "ttyACM0");
        sim = start(modem("fibocom-l850").portLink(dev.resolve("ttyACM0")));
        daemon(want.withProtocol("ppp"), tools());
        ModemStatus s = await(x -> x.state().kind() == StateKind.NEEDS_USER, "needs user");
        assertEquals(ErrorCode.CONFIG_INVALID, s.state().error());
        assertTrue(s.lastError().contains("no tty for PPP besides its AT port"), s.lastError());
    }

    @Test
    void withoutAnMbimToolTheModemWaitsForAPersonAndSaysWhy() throws Exception {
        UsbCompositions.mbimOnly(rig.tree, "1-1");
        daemon(want, tools().withMbim(device -> null));
        ModemStatus s = await(x -> x.state().kind() == StateKind.NEEDS_USER, "needs user");
        assertEquals(MbimToolChooser.NOT_INSTALLED, s.lastError());
    }
}

package io.ltemodem.daemon;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.UsbCompositions;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.StateKind;
import io.ltemodem.qmi.QmicliTool;
import io.ltemodem.qmi.RealQmicli;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The production wiring ({@link SysfsModemFactory}) picks the drivers by itself: a fake sysfs Quectel EC25 in its
 * QMI composition, whose {@code /dev} nodes (in a temporary dev root) are symlinks to the simulated modem's AT
 * pty and QMI pty, goes online over QMI with the real qmicli.
 */
class SysfsQmiWiringTest {
    @TempDir
    Path dir;

    private SysfsRig rig;
    private Path sys;
    private Path dev;
    private SimModem sim;
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

    private FakeUsbTree tree() {
        return rig.tree;
    }

    /** The simulated EC25 behind the tree's nodes: ttyUSB2 (its AT interface in this composition) and cdc-wdm0. */
    private SimModem ec25() {
        return rig.closing(rig.modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")).qmiPortLink(dev.resolve("cdc-wdm0")).build().start());
    }

    private Daemon daemon(ModemConfig want, QmiToolChooser tools) {
        return daemon = rig.start(() -> want, hostTools(tools));
    }

    private HostTools hostTools(QmiToolChooser qmi) {
        return HostTools.installed(rig.runner).withQmi(qmi).withLinks(n -> true);
    }

    private QmiToolChooser qmicli() {
        Path qmicli = RealQmicli.require();
        return device -> new QmicliTool(qmicli.toString(), device, false, rig.runner, RealQmicli.TEST_TIMEOUTS);
    }

    private ModemStatus await(Predicate<ModemStatus> p, String what) throws InterruptedException {
        return rig.await(p, what);
    }

    private final ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");

    @Test
    void anEc25InQmiModeGoesOnlineOverQmiByItself() throws Exception {
        FakeUsbTree t = tree();
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        QmiToolChooser tools = qmicli();
        sim = ec25();
        daemon(want, tools);
        ModemStatus s = await(x -> x.state().kind() == StateKind.ONLINE, "online");
        assertEquals("qmi", s.protocol());
        assertEquals("wwan0", s.netdev());
        assertEquals("Y", Files.readString(sys.resolve("bus/usb/devices/1-1/1-1:1.4/net/wwan0/qmi/raw_ip")).trim());
        assertTrue(sim.model().context(1).active(), "the session is up on the modem");
        assertTrue(sim.commandLog().stream().noneMatch(c -> c.startsWith("AT+CGACT=1")), "started over QMI, not AT");

        DeviceInfo d = daemon.device("wwan");
        assertEquals("2c7c", d.vid());
        assertEquals("0125", d.pid());
        assertEquals(sys.resolve("bus/usb/devices/1-1").toString(), d.usbPath());
        assertEquals(dev.resolve("ttyUSB2").toString(), d.atPort());
        assertEquals(dev.resolve("cdc-wdm0").toString(), d.controlPort());
        assertEquals("wwan0", d.netdev());
        assertEquals("qmi_wwan", d.driver());
        assertEquals("qmi", d.protocol());
        assertEquals("quectel-ec25", d.profile());
    }

    @Test
    void aModemWithOnlyAQmiNodeIsControlledOverQmi() throws Exception {
        FakeUsbTree t = tree();
        // An M.2 module exposing only its QMI function (no serial interfaces bound).
        t.device("1-1", "2c7c", "0125").strings("Quectel", "EC25-E").iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        QmiToolChooser tools = qmicli();
        sim = rig.closing(rig.modem("quectel-ec25").qmiPortLink(dev.resolve("cdc-wdm0")).build().start());
        daemon(want, tools);
        ModemStatus s = await(x -> x.state().kind() == StateKind.ONLINE, "online");
        assertEquals("qmi", s.protocol());
        assertEquals(List.of(), sim.commandLog(), "nothing went over AT");
        assertNull(daemon.device("wwan").atPort());
    }

    @Test
    void aModemAbsentAtStartGetsTheQmiDriversWhenItAppears() throws Exception {
        FakeUsbTree t = tree();
        QmiToolChooser tools = qmicli();
        daemon(want, tools);
        await(x -> x.state().kind() == StateKind.ABSENT, "absent");
        assertNull(daemon.status("wwan").protocol(), "no drivers before there is a modem");

        sim = ec25();
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        daemon.hotplug("add", "usb", null, "/devices/1-1");
        ModemStatus s = await(x -> x.state().kind() == StateKind.ONLINE, "online");
        assertEquals("qmi", s.protocol());
    }

    @Test
    void changingTheProtocolOptionRechoosesTheDrivers() throws Exception {
        FakeUsbTree t = tree();
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        QmiToolChooser tools = qmicli();
        sim = ec25();
        AtomicReference<ModemConfig> configured = new AtomicReference<>(want.withProtocol("at"));
        daemon = rig.start(configured::get, hostTools(tools));
        assertEquals("at", await(x -> x.state().kind() == StateKind.ONLINE, "online").protocol());

        configured.set(want); // protocol 'auto': the kernel bound qmi_wwan
        assertEquals(List.of("wwan: changed"), daemon.reload());
        ModemStatus s = await(x -> x.state().kind() == StateKind.ONLINE && "qmi".equals(x.protocol()), "online over QMI");
        assertEquals("wwan0", s.netdev());
        assertEquals("qmi", daemon.device("wwan").protocol());
    }

    @Test
    void withoutAQmiToolTheModemWaitsForAPersonAndSaysWhy() throws Exception {
        FakeUsbTree t = tree();
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        daemon(want, device -> null);
        ModemStatus s = await(x -> x.state().kind() == StateKind.NEEDS_USER, "needs user");
        assertEquals(ErrorCode.CONFIG_INVALID, s.state().error());
        assertEquals(QmiToolChooser.NOT_INSTALLED, s.lastError());
    }

    @Test
    void protocolQmiOnAModemWithoutAQmiNodeIsAConfigurationError() throws Exception {
        FakeUsbTree t = tree();
        UsbCompositions.quectelEc25Rndis(t, "1-1");
        daemon(want.withProtocol("qmi"), device -> fail("no tool is needed for a modem without a QMI node"));
        ModemStatus s = await(x -> x.state().kind() == StateKind.NEEDS_USER, "needs user");
        assertEquals(ErrorCode.CONFIG_INVALID, s.state().error());
        assertTrue(s.lastError().contains("no QMI control node"), s.lastError());
    }

    @Test
    void protocolAtKeepsTheSessionOnAt() throws Exception {
        FakeUsbTree t = tree();
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        sim = rig.closing(rig.modem("quectel-ec25").portLink(dev.resolve("ttyUSB2")).build().start());
        daemon(want.withProtocol("at"), device -> fail("no QMI for protocol at"));
        ModemStatus s = await(x -> x.state().kind() == StateKind.ONLINE, "online");
        assertEquals("at", s.protocol());
        assertTrue(sim.commandLog().stream().anyMatch(c -> c.startsWith("AT+CGACT=1")));
    }
}

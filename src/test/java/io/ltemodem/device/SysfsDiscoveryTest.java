package io.ltemodem.device;

import io.ltemodem.sim.sysfs.FakeUsbTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.*;

class SysfsDiscoveryTest {
    @TempDir
    Path root;

    private final ModemProfiles profiles = ModemProfiles.load();

    private record Expect(String usbId, String profile, String protocol, String at, String wdm, String netdev) {
    }

    private void check(BiConsumer<FakeUsbTree, String> build, Expect e) {
        FakeUsbTree t = new FakeUsbTree(root.resolve(e.profile() + "-" + e.protocol()));
        build.accept(t, "1-1.2");
        UsbCompositions.usbStick(t, "1-1.3");
        SysfsDiscovery d = new SysfsDiscovery(t.root(), profiles);
        List<UsbModem> found = d.scan();
        assertEquals(1, found.size(), "the USB stick is not a modem: " + found);
        UsbModem m = found.get(0);
        assertEquals(e.usbId(), m.usbId());
        ModemProfile p = profiles.forUsbId(m.usbId());
        assertEquals(e.profile(), p.id());
        assertEquals(e.protocol(), ProtocolChooser.choose(m, p));
        List<String> at = AtPortResolver.candidates(m, p);
        if (e.at() == null) assertTrue(at.isEmpty(), "no AT port: " + at);
        else assertEquals(e.at(), at.get(0));
        assertEquals(e.wdm(), m.cdcWdm());
        assertEquals(e.netdev(), m.netdev());
    }

    @Test
    void quectelEc25InQmiMbimAndRndisCompositions() {
        check(UsbCompositions::quectelEc25Qmi, new Expect("2c7c:0125", "quectel-ec25", "qmi", "ttyUSB2", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::quectelEc25Mbim, new Expect("2c7c:0125", "quectel-ec25", "mbim", "ttyUSB2", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::quectelEc25Rndis, new Expect("2c7c:0125", "quectel-ec25", "rndis", "ttyUSB2", null, "usb0"));
    }

    @Test
    void otherVendors() {
        check(UsbCompositions::sierraEm7455, new Expect("1199:9071", "sierra-em7455", "qmi", "ttyUSB2", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::simcom7600, new Expect("1e0e:9001", "simcom-sim7600", "qmi", "ttyUSB2", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::telitLe910, new Expect("1bc7:1031", "telit-le910", "qmi", "ttyUSB1", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::fibocomL850, new Expect("2cb7:0007", "fibocom-l850", "mbim", "ttyACM0", "cdc-wdm0", "wwan0"));
        check(UsbCompositions::huaweiHilink, new Expect("12d1:14dc", "huawei-hilink", "cdc_ether", null, null, "eth1"));
    }

    @Test
    void huaweiStickHasNoFixedAtInterfaceSoEveryTtyIsACandidate() {
        check(UsbCompositions::huaweiE3372Stick, new Expect("12d1:1506", "huawei-e3372", "ncm", "ttyUSB0", "cdc-wdm0", "wwan0"));
    }

    @Test
    void theDiagPortIsTriedLastWhenProbing() {
        FakeUsbTree t = new FakeUsbTree(root);
        // An unknown Qualcomm-based modem: no profile, so every tty is a candidate, DIAG (if0 ff/ff/ff) last.
        t.device("2-1", "05c6", "90db").iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        UsbModem m = new SysfsDiscovery(root, profiles).scan().get(0);
        assertEquals(List.of("ttyUSB1", "ttyUSB0"), AtPortResolver.candidates(m, ModemProfile.GENERIC));
    }

    @Test
    void portsFollowTheModemThroughReenumerationAndProbeWhenTheProfileIsSilent() {
        FakeUsbTree t = new FakeUsbTree(root);
        UsbCompositions.huaweiE3372Stick(t, "1-1");
        List<String> probed = new ArrayList<>();
        SysfsPorts ports = new SysfsPorts(new SysfsDiscovery(root, profiles), profiles, Path.of("/dev"), "auto", path -> {
            probed.add(path);
            return path.equals("/dev/ttyUSB1");
        });
        assertEquals("/dev/ttyUSB1", ports.atPort());
        assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyUSB1"), probed);
        assertEquals("/dev/ttyUSB1", ports.atPort(), "remembered, not probed again");
        assertEquals(2, probed.size());
        t.remove("1-1");
        assertNull(ports.atPort());
        assertFalse(ports.devicePresent());
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        assertEquals("/dev/ttyUSB2", ports.atPort(), "new modem on the same port: the profile names its AT interface");
        assertEquals(root.resolve("bus/usb/devices/1-1"), ports.usbDevice());
    }

    @Test
    void deviceOptionSelectsByNodeOrUsbPath() {
        FakeUsbTree t = new FakeUsbTree(root);
        UsbCompositions.quectelEc25Qmi(t, "1-1");
        UsbCompositions.sierraEm7455(t, "1-2");
        SysfsDiscovery d = new SysfsDiscovery(root, profiles);
        assertEquals("/dev/ttyUSB2", new SysfsPorts(d, profiles, Path.of("/dev"), "1-2", null).atPort());
        assertEquals("1-2", new SysfsPorts(d, profiles, Path.of("/dev"), "/sys/bus/usb/devices/1-2", null).modem().name());
        assertEquals("1-1", new SysfsPorts(d, profiles, Path.of("/dev"), "/dev/wwan0", null).modem().name());
        assertEquals("1-1", new SysfsPorts(d, profiles, Path.of("/dev"), "auto", null).modem().name());
        assertNull(new SysfsPorts(d, profiles, Path.of("/dev"), "/dev/cdc-wdm9", null).modem());
    }

    @Test
    void everyProfileIsWellFormed() {
        for (ModemProfile p : profiles.all()) {
            assertFalse(p.usbIds().isEmpty(), p.id());
            for (String id : p.usbIds()) assertTrue(id.matches("[0-9a-f]{4}:[0-9a-f]{4}"), p.id() + " " + id);
            assertTrue(p.resetCommand().startsWith("AT"), p.id());
        }
        assertEquals(ModemProfile.GENERIC, profiles.forUsbId("ffff:ffff"));
    }
}

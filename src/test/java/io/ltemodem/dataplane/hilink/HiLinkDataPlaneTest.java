package io.ltemodem.dataplane.hilink;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.HostLink;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A HiLink stick seen only through a fake sysfs link. */
class HiLinkDataPlaneTest {
    @TempDir
    Path sys;

    private final ManualClock clock = new ManualClock(1000);

    private Path link(String name, String operstate, String carrier, String flags) throws Exception {
        Path d = Files.createDirectories(sys.resolve("class/net").resolve(name));
        if (operstate != null) Files.writeString(d.resolve("operstate"), operstate + "\n");
        if (carrier != null) Files.writeString(d.resolve("carrier"), carrier + "\n");
        if (flags != null) Files.writeString(d.resolve("flags"), flags + "\n");
        return d;
    }

    private Snapshot observe(HiLinkDataPlane p, ModemConfig want) {
        Snapshot.Builder b = Snapshot.builder(clock.millis());
        p.observe(want, b);
        return b.build();
    }

    @Test
    void aLinkWithCarrierIsAddressedByDhcpAndNothingElseIsKnown() throws Exception {
        link("eth1", "up", "1", "0x1003");
        HiLinkDataPlane p = new HiLinkDataPlane(new SysfsNetdev(sys, "eth1"), clock);
        assertEquals("cdc_ether", p.name());
        assertEquals("eth1", p.netdev());
        assertFalse(p.hasControlPlane());
        Snapshot s = observe(p, ModemConfig.defaults("wwan").withPdpType(ModemConfig.PdpType.IPV4));
        assertEquals(new HostLink("eth1", true, true, null), s.host().value());
        assertEquals(1000, s.host().at());
        IpConfig ip = s.ipConfig().value();
        assertTrue(ip.dhcp());
        assertFalse(ip.dhcpv6(), "IPv4 only wanted");
        assertNull(ip.ipv4(), "the stick's DHCP server gives the address, not us");
        assertFalse(s.sim().known());
        assertFalse(s.radio().known());
        assertFalse(s.registration(RegDomain.EPS).known());
        assertFalse(s.psAttached().known());
        assertFalse(s.pdpActivations().known());
        assertTrue(observe(p, ModemConfig.defaults("wwan")).ipConfig().value().dhcpv6(), "IPv4v6: DHCPv6 too");
        assertEquals(StepResult.OK, p.start(ModemConfig.defaults("wwan")));
        assertEquals(StepResult.OK, p.stop(ModemConfig.defaults("wwan")));
    }

    @Test
    void noCarrierNoAddress() throws Exception {
        Path d = link("eth1", "down", "0", "0x1003");
        HiLinkDataPlane p = new HiLinkDataPlane(new SysfsNetdev(sys, "eth1"), clock);
        Snapshot s = observe(p, ModemConfig.defaults("wwan"));
        assertTrue(s.host().value().present());
        assertFalse(s.ipConfig().known());
        assertFalse(p.linkUp());
        Files.writeString(d.resolve("carrier"), "1\n");
        Files.writeString(d.resolve("operstate"), "up\n");
        assertTrue(p.linkUp());
        assertTrue(observe(p, ModemConfig.defaults("wwan")).ipConfig().known());
    }

    @Test
    void administrativelyDownOrCarrierUnreadable() throws Exception {
        Path d = link("usb0", "unknown", null, "0x1002");
        HiLinkDataPlane p = new HiLinkDataPlane(new SysfsNetdev(sys, "usb0"), clock);
        assertFalse(p.linkUp(), "IFF_UP not set");
        Files.writeString(d.resolve("flags"), "0x1003\n");
        assertTrue(p.linkUp(), "up, carrier unreadable, operstate unknown (usual for cdc_ether): counts as up");
    }

    @Test
    void aMissingStick() {
        HiLinkDataPlane p = new HiLinkDataPlane(new SysfsNetdev(sys, "eth9"), clock);
        Snapshot s = observe(p, ModemConfig.defaults("wwan"));
        assertEquals(new HostLink("eth9", false, false, null), s.host().value());
        assertFalse(s.ipConfig().known());
        StepResult r = p.start(ModemConfig.defaults("wwan"));
        assertEquals(ErrorCode.NO_DEVICE, r.error());
    }

    @Test
    void theLinkUnderTheUsbTreeIsFoundToo() throws Exception {
        Files.createDirectories(sys.resolve("bus/usb/devices/1-1/1-1:1.0/net/eth2"));
        Files.writeString(sys.resolve("bus/usb/devices/1-1/1-1:1.0/net/eth2/operstate"), "up\n");
        Files.writeString(sys.resolve("bus/usb/devices/1-1/1-1:1.0/net/eth2/carrier"), "1\n");
        HiLinkDataPlane p = new HiLinkDataPlane(new SysfsNetdev(sys, "eth2"), clock);
        assertTrue(p.linkUp());
    }
}

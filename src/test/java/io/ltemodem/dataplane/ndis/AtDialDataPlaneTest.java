package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtChannel;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.device.ModemProfiles;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each AT-dialled mode against the AT simulator on a pty: the dial-up the profile data picks, an active session,
 * {@code dhcp=true} with the address the modem assigned, the hang-up.
 */
class AtDialDataPlaneTest {
    private static final DialStrategies TABLE = DialStrategies.load();
    private static final ModemProfiles PROFILES = ModemProfiles.load();

    @TempDir
    Path sys;

    private static ModemConfig want(String apn, ModemConfig.PdpType type, ModemConfig.Auth auth, String user, String pass) {
        return new ModemConfig("wwan", "auto", apn, type, auth, user, pass, "", "auto", false, 1, 0, true, true, true);
    }

    private static SimModem modem(String persona) {
        return SimModem.builder().name(persona).persona(persona).clock(new ScaledClock(50)).bootMillis(5000)
                .registrationDelayMillis(2000).build().start();
    }

    private static void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    /** The simulator up and registered, and our channel open on its AT port. */
    private static AtChannel ready(SimModem m) throws Exception {
        await("firmware up", () -> m.power() == PowerState.ON);
        AtChannel ch = AtChannel.serial(m.name(), Clock.SYSTEM);
        ch.open(m.atPort().awaitPath(500_000));
        await("registered", () -> m.registration() == Registration.HOME);
        return ch;
    }

    private SysfsNetdev netdev(String name) throws Exception {
        Path d = Files.createDirectories(sys.resolve("class/net").resolve(name));
        Files.writeString(d.resolve("operstate"), "up\n");
        Files.writeString(d.resolve("carrier"), "1\n");
        return new SysfsNetdev(sys, name);
    }

    private static Snapshot observe(AtDialDataPlane p, ModemConfig want) {
        Snapshot.Builder b = Snapshot.builder(0);
        p.observe(want, b);
        return b.build();
    }

    @Test
    void quectelInEcmMode() throws Exception {
        ModemConfig want = want("internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "");
        try (SimModem m = modem("quectel-ec25"); AtChannel ch = ready(m)) {
            DialStrategy dial = TABLE.forProfile(PROFILES.byId("quectel-ec25"));
            AtDialDataPlane p = new AtDialDataPlane(NetMode.ECM, ch, dial, netdev("usb0"), Clock.SYSTEM);
            assertEquals("ecm", p.name());
            assertEquals("usb0", p.netdev());
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, want).pdpActivations().value());

            assertEquals(StepResult.OK, p.start(want));
            assertTrue(m.commandLog().contains("AT+QNETDEVCTL=1,1,1"), m.commandLog().toString());
            assertTrue(m.commandLog().contains("AT+CGDCONT=1,\"IP\",\"internet\""), "the context defined as wanted first");
            Snapshot up = observe(p, want);
            assertEquals(List.of(new PdpActivation(1, true)), up.pdpActivations().value());
            IpConfig ip = up.ipConfig().value();
            assertTrue(ip.dhcp(), "netifd addresses the interface by DHCP");
            assertFalse(ip.dhcpv6(), "an IPv4 context");
            PdpContextInfo ctx = m.model().context(1);
            assertEquals(ctx.ipv4().getHostAddress(), ip.ipv4().address(), "the modem's address, from +CGCONTRDP");
            assertTrue(up.host().value().present());

            int before = m.commandLog().size();
            assertEquals(StepResult.OK, p.start(want), "up already: nothing dialled");
            assertEquals(1, m.commandLog().size() - before, "one status query");

            assertEquals(StepResult.OK, p.stop(want));
            assertTrue(m.commandLog().contains("AT+QNETDEVCTL=0,1,0"));
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, want).pdpActivations().value());
            assertFalse(observe(p, want).ipConfig().known());
        }
    }

    @Test
    void quectelInRndisModeWithCredentialsThroughQicsgp() throws Exception {
        ModemConfig want = want("internet", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.PAP, "jo", "s3cret");
        try (SimModem m = modem("quectel-ep06"); AtChannel ch = ready(m)) {
            AtDialDataPlane p = new AtDialDataPlane(NetMode.RNDIS, ch, TABLE.forProfile(PROFILES.byId("quectel-ep06")),
                    netdev("usb0"), Clock.SYSTEM);
            assertEquals("rndis", p.name());
            assertEquals(StepResult.OK, p.start(want));
            assertTrue(m.commandLog().stream().anyMatch(l -> l.startsWith("AT+QICSGP=1,3,\"internet\",\"jo\",")), m.commandLog().toString());
            IpConfig ip = observe(p, want).ipConfig().value();
            assertTrue(ip.dhcp());
            assertTrue(ip.dhcpv6(), "IPv4v6: DHCPv6 too");
        }
    }

    @Test
    void huaweiNdisdupWithTheAddressFromDhcp() throws Exception {
        ModemConfig want = want("web.vodafone.de", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.CHAP, "vodafone", "vod4fone");
        try (SimModem m = modem("huawei-e3372"); AtChannel ch = ready(m)) {
            DialStrategy dial = TABLE.forProfile(PROFILES.byId("huawei-e3372"));
            assertEquals("huawei-ndisdup", dial.id());
            AtDialDataPlane p = new AtDialDataPlane(NetMode.NCM, ch, dial, netdev("wwan0"), Clock.SYSTEM);
            assertEquals(StepResult.OK, p.start(want));
            assertTrue(m.commandLog().stream().anyMatch(l -> l.startsWith("AT^NDISDUP=1,1,\"web.vodafone.de\"")), m.commandLog().toString());
            assertFalse(m.commandLog().stream().anyMatch(l -> l.startsWith("AT+CGAUTH")), "NDISDUP carries the credentials");
            Snapshot up = observe(p, want);
            assertEquals(List.of(new PdpActivation(1, true)), up.pdpActivations().value());
            assertTrue(m.commandLog().contains("AT^NDISSTATQRY?"));
            assertTrue(m.commandLog().contains("AT^DHCP?"));
            IpConfig ip = up.ipConfig().value();
            PdpContextInfo ctx = m.model().context(1);
            assertEquals(ctx.ipv4().getHostAddress(), ip.ipv4().address());
            assertEquals(24, ip.ipv4().prefix());
            assertEquals(ctx.ipv4Gateway().getHostAddress(), ip.ipv4().gateway());
            assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
            assertTrue(ip.dhcp());
            assertTrue(ip.dhcpv6());

            m.model().networkDeactivate(1);
            assertEquals(List.of(new PdpActivation(1, false)), observe(p, want).pdpActivations().value(), "the network ended it");
            assertEquals(StepResult.OK, p.start(want), "dialled again");
            assertEquals(StepResult.OK, p.stop(want));
            assertTrue(m.commandLog().contains("AT^NDISDUP=1,0"));
            assertEquals(StepResult.OK, p.stop(want), "hanging up twice is fine");
        }
    }

    @Test
    void genericCgactForAnNcmModemAndAStaticAddressWithoutDhcp() throws Exception {
        ModemConfig dhcpOff = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP,
                "jo", "s3cret", "", "ncm", false, 1, 0, false, false, true);
        try (SimModem m = modem("fibocom-l850"); AtChannel ch = ready(m)) {
            AtDialDataPlane p = new AtDialDataPlane(NetMode.NCM, ch, TABLE.forProfile(PROFILES.byId("fibocom-l850")),
                    null, Clock.SYSTEM);
            assertNull(p.netdev());
            assertEquals(StepResult.OK, p.start(dhcpOff));
            assertTrue(m.commandLog().contains("AT+CGACT=1,1"));
            assertTrue(m.commandLog().stream().anyMatch(l -> l.startsWith("AT+CGAUTH=1,1,")), "27.007 credentials");
            Snapshot s = observe(p, dhcpOff);
            IpConfig ip = s.ipConfig().value();
            assertFalse(ip.dhcp(), "dhcp 0: the modem's address as static settings");
            assertEquals(m.model().context(1).ipv4().getHostAddress(), ip.ipv4().address());
            assertFalse(s.host().known(), "no netdev given: no host fact");

            m.model().loseIp(1);
            Snapshot lost = observe(p, dhcpOff);
            assertEquals(List.of(new PdpActivation(1, true)), lost.pdpActivations().value());
            assertFalse(lost.ipConfig().known(), "active but no address: the engine sees no IP");
        }
    }

    @Test
    void valuesThatWouldBreakTheCommandLineAreRefused() throws Exception {
        ModemConfig bad = want("inter\"net", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "");
        try (SimModem m = modem("huawei-e3372"); AtChannel ch = ready(m)) {
            AtDialDataPlane p = new AtDialDataPlane(NetMode.NCM, ch, new HuaweiNdisdupDial(), null, Clock.SYSTEM);
            int before = m.commandLog().size();
            StepResult r = p.start(bad);
            assertEquals(ErrorCode.CONFIG_INVALID, r.error());
            assertTrue(r.message().contains("apn"));
            assertEquals(before, m.commandLog().size(), "nothing was sent");
        }
    }

    @Test
    void aRefusedApnSaysSo() throws Exception {
        ModemConfig want = want("wrong", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE, "", "");
        try (SimModem m = SimModem.builder().persona("quectel-ec25").clock(new ScaledClock(50)).bootMillis(5000)
                .registrationDelayMillis(2000).requiredApn("internet").build().start(); AtChannel ch = ready(m)) {
            AtDialDataPlane p = new AtDialDataPlane(NetMode.ECM, ch, new QuectelQnetdevctlDial(), null, Clock.SYSTEM);
            StepResult r = p.start(want);
            assertEquals(ErrorCode.CONNECT_FAILED, r.error());
            assertTrue(r.message().contains("check the APN"), r.message());
        }
    }
}

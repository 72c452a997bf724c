package io.ltemodem.sim;

import org.junit.jupiter.api.Test;

import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdpContextTest {
    private static AtTestPort registered(SimModem sim) throws InterruptedException {
        AtTestPort port = connectReady(sim);
        await("registered", () -> sim.registration().registered() && sim.attached());
        return port;
    }

    @Test
    void activationNeedsRegistrationThenAssignsBothAddressFamilies() throws Exception {
        try (SimModem sim = fast().radio(4).build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CGDCONT?", "\r\n+CGDCONT: 1,\"IPV4V6\",\"\",\"0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\",0,0,0,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGACT=1,1", "\r\n+CME ERROR: 30\r\n");
            assertReply(port, "AT+CGDCONT=1,\"IPV4V6\",\"internet\";+CGEREP=2,1;+CFUN=1", "\r\nOK\r\n");
            await("registered", () -> sim.registration() == Registration.HOME);

            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CGEV: ME PDN ACT 1\r\n"), AtTestPort.show(port.readUntil("ACT 1\r\n")));
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,1\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n"); // idempotent, no second URC
            PdpContextInfo ctx = sim.contexts().get(0);
            assertNotNull(ctx.ipv4());
            assertNotNull(ctx.ipv6());
            assertTrue(ctx.ipv4().getHostAddress().startsWith("10."), ctx.ipv4().toString());
            String v4 = ctx.ipv4().getHostAddress();
            String v6 = AtFormat.dotted(ctx.ipv6().getAddress());
            String gw = v4.substring(0, v4.lastIndexOf('.')) + ".1";
            assertReply(port, "AT+CGPADDR=1", "\r\n+CGPADDR: 1,\"" + v4 + "\",\"" + v6 + "\"\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGCONTRDP=1", "\r\n+CGCONTRDP: 1,5,\"internet\",\"" + v4 + ".255.255.255.0\",\"" + gw
                    + "\",\"10.74.210.210\",\"10.74.210.211\",,,0,0,1500\r\n"
                    + "\r\n+CGCONTRDP: 1,5,\"internet\",\"" + v6 + ".255.255.255.255.255.255.255.255.0.0.0.0.0.0.0.0\",\"\","
                    + "\"32.1.13.184.0.83.0.0.0.0.0.0.0.0.0.1\",\"32.1.13.184.0.83.0.0.0.0.0.0.0.0.0.2\"\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGPIAF=1,1", "\r\nOK\r\n");
            assertReply(port, "AT+CGPADDR=1", "\r\n+CGPADDR: 1,\"" + v4 + "\",\"" + AtFormat.colon(ctx.ipv6().getAddress()) + "\"\r\n\r\nOK\r\n");
            assertEquals(java.util.List.of(1), sim.activeContexts());
        }
    }

    @Test
    void theNetworkAssignsItsApnWhenTheContextHasNone() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n");
            assertEquals("internet.telekom", sim.contexts().get(0).activeApn());
            assertTrue(port.command("AT+CGCONTRDP").startsWith("\r\n+CGCONTRDP: 1,5,\"internet.telekom\","));
        }
    }

    @Test
    void aNetworkThatRequiresItsApnRejectsOthers() throws Exception {
        try (SimModem sim = fast().requiredApn("internet").build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGACT=1,1", "\r\n+CME ERROR: 127\r\n");
            assertReply(port, "AT+CGDCONT=1,\"IP\",\"wrong.apn\";+CGACT=1,1", "\r\n+CME ERROR: 127\r\n");
            assertReply(port, "AT+CMEE=2;+CGACT=1,1", "\r\n+CME ERROR: missing or unknown APN\r\n");
            assertTrue(sim.activeContexts().isEmpty());
            assertReply(port, "AT+CGDCONT=1,\"IP\",\"internet\";+CGACT=1,1", "\r\nOK\r\n");
            PdpContextInfo ctx = sim.contexts().get(0);
            assertNotNull(ctx.ipv4());
            assertNull(ctx.ipv6(), "an IP context gets no IPv6 address");
        }
    }

    @Test
    void hostDeactivationAndContextDefinitions() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGDCONT=3,\"IPV6\",\"ims\"", "\r\nOK\r\n");
            assertReply(port, "AT+CGDCONT=16,\"IP\",\"x\"", "\r\n+CME ERROR: 50\r\n");
            assertReply(port, "AT+CGDCONT=2,\"PPP\",\"x\"", "\r\n+CME ERROR: 50\r\n");
            assertReply(port, "AT+CGEREP=1;+CGACT=1,3", "\r\nOK\r\n");
            port.readUntil("+CGEV: ME PDN ACT 3\r\n");
            String v6 = AtFormat.dotted(sim.contexts().get(1).ipv6().getAddress());
            assertReply(port, "AT+CGPADDR", "\r\n+CGPADDR: 1\r\n\r\n+CGPADDR: 3,\"" + v6 + "\"\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGACT=0,3", "\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CGEV: ME PDN DEACT 3\r\n"), AtTestPort.show(port.readUntil("DEACT 3\r\n")));
            assertReply(port, "AT+CGPADDR=3", "\r\n+CGPADDR: 3\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGDCONT=3", "\r\nOK\r\n");
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGACT=1,4", "\r\n+CME ERROR: 50\r\n");
        }
    }

    @Test
    void networkDeactivationIsAnnouncedInTheLegacyFormOnTheEc25() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGEREP=2,1;+CGACT=1,1", "\r\nOK\r\n");
            port.readUntil("+CGEV: ME PDN ACT 1\r\n");
            String v4 = sim.contexts().get(0).ipv4().getHostAddress();
            assertTrue(sim.faults().networkDeactivatesContext(1));
            assertEquals(AtTestPort.show("\r\n+CGEV: NW DEACT \"IPV4V6\",\"" + v4 + "\",1\r\n"),
                    AtTestPort.show(port.readUntil(",1\r\n")));
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,0\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGPADDR=1", "\r\n+CGPADDR: 1\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGCONTRDP=1", "\r\nOK\r\n");
            assertTrue(sim.activeContexts().isEmpty());
            assertFalse(sim.faults().networkDeactivatesContext(1), "nothing left to deactivate");
            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n"); // the host can bring it back
        }
    }

    @Test
    void networkDeactivationIsAnnouncedInThePdnFormOnTheEp06() throws Exception {
        try (SimModem sim = fast().persona("quectel-ep06").build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGEREP=2,1;+CGACT=1,1", "\r\nOK\r\n");
            port.readUntil("+CGEV: ME PDN ACT 1\r\n");
            sim.faults().networkDeactivatesContext(1);
            assertEquals(AtTestPort.show("\r\n+CGEV: NW PDN DEACT 1\r\n"), AtTestPort.show(port.readUntil("DEACT 1\r\n")));
        }
    }

    @Test
    void bearerUpButIpLost() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n");
            assertTrue(sim.faults().ipLost(1));
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,1\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGPADDR=1", "\r\n+CGPADDR: 1,\"0.0.0.0\",\"0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\"\r\n\r\nOK\r\n");
            assertReply(port, "AT+CGCONTRDP=1", "\r\nOK\r\n");
            assertTrue(sim.contexts().get(0).ipLost());
            // a restart of the session heals it
            assertReply(port, "AT+CGACT=0,1;+CGACT=1,1", "\r\nOK\r\n");
            assertFalse(sim.contexts().get(0).ipLost());
            assertTrue(port.command("AT+CGPADDR=1").startsWith("\r\n+CGPADDR: 1,\"10."));
        }
    }

    @Test
    void aSessionWhoseTrafficIsDroppedStillLooksUpUntilItIsRestarted() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertFalse(sim.faults().dataPathDies(1), "no session, nothing to drop");
            assertReply(port, "AT+CGACT=1,1", "\r\nOK\r\n");
            assertTrue(sim.faults().dataPathDies(1));
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,1\r\n\r\nOK\r\n");
            assertTrue(port.command("AT+CGPADDR=1").startsWith("\r\n+CGPADDR: 1,\"10."), "the address is still reported");
            assertTrue(sim.contexts().get(0).trafficDropped());
            assertReply(port, "AT+CGACT=0,1;+CGACT=1,1", "\r\nOK\r\n");
            assertFalse(sim.contexts().get(0).trafficDropped(), "a restart of the session heals it");
        }
    }

    @Test
    void registrationLostDetachesAndComesBack() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            assertReply(port, "AT+CGEREP=2,1;+CEREG=2;+CGACT=1,1", "\r\nOK\r\n");
            port.readUntil("+CGEV: ME PDN ACT 1\r\n");
            long lost = sim.clock().millis();
            sim.faults().registrationLost(30_000);
            assertEquals(AtTestPort.show("\r\n+CGEV: NW DETACH\r\n\r\n+CEREG: 2\r\n"), AtTestPort.show(port.readUntil("+CEREG: 2\r\n")));
            assertTrue(sim.activeContexts().isEmpty());
            assertReply(port, "AT+CGATT?", "\r\n+CGATT: 0\r\n\r\nOK\r\n");
            assertEquals(AtTestPort.show("\r\n+CEREG: 1,\"1A2B\",\"01A2B3C4\",7\r\n"), AtTestPort.show(port.readUntil(",7\r\n")));
            assertTrue(sim.clock().millis() - lost >= 30_000);
            assertTrue(sim.attached(), "attached again");
            assertTrue(sim.activeContexts().isEmpty(), "the host has to reactivate");
        }
    }

    @Test
    void registrationLostForGoodStaysSearching() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = registered(sim)) {
            sim.faults().registrationLostForGood();
            assertEquals(Registration.SEARCHING, sim.registration());
            assertReply(port, "AT+CFUN=4;+CFUN=1", "\r\nOK\r\n");
            assertReply(port, "AT+CSQ", "\r\n+CSQ: 99,99\r\n\r\nOK\r\n");
            assertEquals(Registration.SEARCHING, sim.registration(), "no cell, no registration");
            sim.faults().registrationRestored();
            assertEquals(Registration.HOME, sim.registration());
        }
    }

    @Test
    void defaultBearerCanComeUpWithTheAttach() throws Exception {
        try (SimModem sim = fast().autoActivateDefaultBearer(true).build().start(); AtTestPort port = registered(sim)) {
            assertEquals(java.util.List.of(1), sim.activeContexts());
            assertReply(port, "AT+CGACT?", "\r\n+CGACT: 1,1\r\n\r\nOK\r\n");
        }
    }
}

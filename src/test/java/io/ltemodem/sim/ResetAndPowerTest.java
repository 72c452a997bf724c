package io.ltemodem.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.ltemodem.sim.SimFixture.MODEM_WAIT;
import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResetAndPowerTest {
    static Stream<Arguments> resetCommands() {
        return Personas.all().values().stream()
                .flatMap(p -> p.resetCommands().stream().map(cmd -> Arguments.of(p.id(), cmd)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("resetCommands")
    void resetCommandReenumeratesUnderANewPathWithFactoryAtSettings(String persona, String command) throws Exception {
        try (SimModem sim = fast().persona(persona).build().start()) {
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                await("registered", () -> sim.registration().registered());
                assertReply(port, "AT+CEREG=2;+CGEREP=2,1;+CMEE=2;+CGACT=1,1", "\r\nOK\r\n");
                port.readUntil("+CGEV: ME PDN ACT 1\r\n");
                assertReply(port, command, "\r\nOK\r\n");
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS), "the old port hangs up");
            }
            String after = sim.atPort().awaitNewPath(before, MODEM_WAIT);
            assertNotNull(after, "the port came back");
            assertNotEquals(before, after);
            try (AtTestPort port = AtTestPort.open(after)) {
                await("firmware up", () -> sim.power() == PowerState.ON);
                String first = port.command("AT");
                assertTrue(first.endsWith("AT\r\r\nOK\r\n"), "echo is back on: " + AtTestPort.show(first));
                assertTrue(port.command("AT+CEREG?").contains("+CEREG: 0,"), "CEREG URCs off again");
                assertTrue(port.command("AT+CGEREP?").contains("+CGEREP: 0,0"));
                assertTrue(port.command("AT+CMEE?").contains("+CMEE: " + sim.persona().cmeeDefault()));
                assertTrue(port.command("AT+CGACT?").contains("+CGACT: 1,0"), "contexts are gone");
            }
            assertEquals(1, sim.resetCount());
            assertEquals(2, sim.bootCount());
            assertEquals(2, sim.atPort().generation());
        }
    }

    @Test
    void otherVendorsResetCommandsAreUnknown() throws Exception {
        try (SimModem sim = fast().persona("quectel-ec25").build().start(); AtTestPort port = connectReady(sim)) {
            for (String foreign : new String[]{"AT!RESET", "AT#REBOOT", "AT^RESET", "AT+CRESET", "AT+CFUN=15"}) {
                String r = port.command(foreign);
                assertTrue(r.contains("ERROR"), foreign + " -> " + AtTestPort.show(r));
            }
            assertEquals(0, sim.resetCount());
        }
    }

    @Test
    void stableSymlinkFollowsThePort(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("ttyUSB2");
        try (SimModem sim = fast().portLink(link).build().start()) {
            // listeners run in order, right after the port's own: this sees the moment the device is gone
            java.util.concurrent.atomic.AtomicReference<Boolean> linkWhileGone = new java.util.concurrent.atomic.AtomicReference<>();
            sim.model().addListener(e -> {
                if (e instanceof ModemEvent.UsbDetached) {
                    linkWhileGone.set(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                }
            });
            String first = sim.atPort().awaitPath(MODEM_WAIT);
            assertEquals(Path.of(first), Files.readSymbolicLink(link));
            try (AtTestPort port = AtTestPort.open(link.toString())) {
                await("firmware up", () -> sim.power() == PowerState.ON);
                assertTrue(port.command("AT").endsWith("\r\nOK\r\n"));
                port.command("AT+CFUN=1,1");
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            }
            await("device gone once", () -> linkWhileGone.get() != null);
            assertEquals(Boolean.FALSE, linkWhileGone.get(), "no link while the device is gone");
            String second = sim.atPort().awaitNewPath(first, MODEM_WAIT);
            assertNotNull(second);
            assertEquals(Path.of(second), Files.readSymbolicLink(link));
        }
        assertTrue(!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "close removes the link");
    }

    @Test
    void qpowdPowersDownForGoodWithoutABoardThatRepowers() throws Exception {
        try (SimModem sim = fast().boardRepowers(false).build().start()) {
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                long sent = sim.clock().millis();
                assertReply(port, "AT+QPOWD=1", "\r\nOK\r\n");
                assertEquals(AtTestPort.show("\r\nPOWERED DOWN\r\n"), AtTestPort.show(port.readUntil("POWERED DOWN\r\n")));
                assertTrue(sim.clock().millis() - sent >= sim.persona().powerDownMillis(), "logs off first");
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            }
            await("off", () -> sim.power() == PowerState.OFF);
            assertNull(sim.atPort().awaitPath(30_000), "nobody powers it up");
            assertEquals(PowerState.OFF, sim.power());

            sim.powerOn(); // the GPIO power line
            String after = sim.atPort().awaitNewPath(before, MODEM_WAIT);
            assertNotNull(after);
            try (AtTestPort port = AtTestPort.open(after)) {
                assertTrue(port.readUntil("RDY\r\n").endsWith("\r\nRDY\r\n"));
            }
            assertEquals(0, sim.resetCount());
            assertEquals(2, sim.bootCount());
        }
    }

    @Test
    void qpowdOnABoardThatRepowersComesBackByItself() throws Exception {
        try (SimModem sim = fast().persona("quectel-ep06").repowerDelayMillis(5000).build().start()) {
            assertTrue(sim.persona().boardRepowers());
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                assertReply(port, "AT+QPOWD=0", "\r\nOK\r\n");
                port.readUntil("POWERED DOWN\r\n");
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            }
            String after = sim.atPort().awaitNewPath(before, MODEM_WAIT);
            assertNotNull(after);
            try (AtTestPort port = AtTestPort.open(after)) {
                port.readUntil("\r\nRDY\r\n");
                await("firmware up", () -> sim.power() == PowerState.ON);
                assertTrue(port.command("AT").endsWith("AT\r\r\nOK\r\n"));
            }
        }
    }

    @Test
    void personasWithoutQpowd() throws Exception {
        try (SimModem sim = fast().persona("sierra-em7455").build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+QPOWD=1", "\r\nERROR\r\n");
        }
        try (SimModem sim = fast().persona("simcom-sim7600").build().start(); AtTestPort port = connectReady(sim)) {
            assertReply(port, "AT+CPOF", "\r\nOK\r\n");
            assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            assertEquals("", port.readFor(0), "SIMCom says nothing more");
            await("off", () -> sim.power() == PowerState.OFF);
        }
    }

    @Test
    void cuttingPowerHangsUpAtOnce() throws Exception {
        try (SimModem sim = fast().build().start(); AtTestPort port = connectReady(sim)) {
            sim.powerOff();
            assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS));
            assertNull(sim.currentPath());
            sim.powerOn();
            assertNotNull(sim.atPort().awaitNewPath(port.path(), MODEM_WAIT));
        }
    }
}

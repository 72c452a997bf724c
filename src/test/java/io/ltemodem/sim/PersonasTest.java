package io.ltemodem.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;

import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonasTest {
    static Collection<String> ids() {
        return Personas.ids();
    }

    @Test
    void theVendorsTheDaemonMeetsAreThere() {
        assertTrue(Personas.ids().containsAll(List.of("quectel-ec25", "quectel-ep06", "huawei-e3372", "sierra-em7455",
                "simcom-sim7600", "telit-le910", "fibocom-l850", "fibocom-fm150")), Personas.ids().toString());
        assertEquals("2c7c:0125", Personas.get("quectel-ec25").usbId());
        assertTrue(Personas.get("sierra-em7455").resetCommands().contains("AT!RESET"));
        assertTrue(Personas.get("simcom-sim7600").resetCommands().contains("AT+CRESET"));
        assertTrue(Personas.get("telit-le910").resetCommands().contains("AT#REBOOT"));
        assertTrue(Personas.get("huawei-e3372").resetCommands().contains("AT^RESET"));
        assertTrue(Personas.get("fibocom-l850").resetCommands().contains("AT+CFUN=15"));
        assertEquals("immediate", Personas.get("quectel-ec25").powerDownCommands().get("AT+QPOWD=0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Personas.get("nokia-3310"));
        assertTrue(e.getMessage().contains("quectel-ec25"), "lists the known ones");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyPersonaBootsAndTellsWhoItIs(String id) throws Exception {
        Persona p = Personas.get(id);
        try (SimModem sim = fast().persona(id).build().start(); AtTestPort port = connectReady(sim)) {
            String cgmi = port.command("AT+CGMI");
            assertTrue(cgmi.contains(p.manufacturer()) && cgmi.endsWith("\r\nOK\r\n"), AtTestPort.show(cgmi));
            assertTrue(port.command("AT+CGSN").contains(p.imei()));
            String ati = port.command("ATI");
            assertTrue(ati.startsWith("\r\n" + p.expand(p.ati().get(0)) + "\r\n"), AtTestPort.show(ati));
            assertFalse(p.iccidCommands().isEmpty(), "every persona can tell its ICCID somehow");
            for (Persona.IccidCommand ic : p.iccidCommands()) {
                assertEquals(AtTestPort.show("\r\n" + ic.prefix() + ": 89490200000123456787\r\n\r\nOK\r\n"),
                        AtTestPort.show(port.command(ic.command())), ic.command());
            }
        }
    }

    @Test
    void badPersonaFilesAreRefused() {
        String ok = "{\"id\":\"x\",\"vid\":\"1234\",\"pid\":\"abcd\",\"manufacturer\":\"M\",\"model\":\"X\",\"revision\":\"1\",\"imei\":\"123456789012345\"";
        assertEquals(1, Personas.parse(new StringReader("{\"personas\":[" + ok + "}]}")).size());
        assertThrows(IllegalArgumentException.class, () -> Personas.parse(new StringReader("{\"personas\":[" + ok + "}," + ok + "}]}")));
        assertThrows(IllegalArgumentException.class, () -> Personas.parse(new StringReader("{\"personas\":[" + ok + ",\"extensions\":[\"nokia\"]}]}")));
        assertThrows(IllegalArgumentException.class, () -> Personas.parse(new StringReader("{\"personas\":[" + ok.replace("123456789012345", "12") + "}]}")));
        assertThrows(IllegalArgumentException.class, () -> Personas.parse(new StringReader("{\"personas\":[" + ok + ",\"cgevDeactForm\":\"odd\"}]}")));
        assertThrows(IllegalArgumentException.class, () -> Personas.parse(new StringReader("{}")));
    }
}

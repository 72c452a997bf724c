package io.ltemodem.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ltemodem.sim.SimFixture.MODEM_WAIT;
import static io.ltemodem.sim.SimFixture.assertReply;
import static io.ltemodem.sim.SimFixture.await;
import static io.ltemodem.sim.SimFixture.connectReady;
import static io.ltemodem.sim.SimFixture.fast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioTest {
    @Test
    void readsStepsWithTheirArguments() {
        Scenario s = Scenario.parse("""
                { "name": "t", "steps": [
                  { "at": 0, "do": "slowReplies", "ms": 200, "_comment": "ignored" },
                  { "at": 5000, "do": "registrationLost" },
                  { "at": 6000, "do": "urcStorm", "count": 3, "line": "+CSQ: 1,99" } ] }
                """);
        assertEquals("t", s.name());
        assertEquals(3, s.steps().size());
        assertEquals(5000, s.steps().get(1).at());
        assertEquals("urcStorm", s.steps().get(2).action());
        assertEquals(3, s.steps().get(2).args().get("count").getAsInt());
        assertFalse(s.steps().get(0).args().has("_comment"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"steps\": [{\"at\": 0, \"do\": \"explode\"}]}                      | step 0: unknown action 'explode'",
            "{\"steps\": [{\"at\": 0, \"do\": \"simBusy\"}]}                      | step 0 (simBusy): missing argument 'ms'",
            "{\"steps\": [{\"do\": \"reboot\"}, {\"do\": \"silence\", \"sec\": 1}]} | step 1 (silence): unknown argument 'sec'",
            "{\"steps\": [{\"at\": -1, \"do\": \"reboot\"}]}                      | step 0: \"at\" must not be negative",
            "{\"steps\": [{\"at\": \"soon\", \"do\": \"reboot\"}]}                | step 0: \"at\" must be milliseconds",
            "{\"steps\": [{\"do\": \"slowReplies\", \"ms\": \"x\"}]}              | step 0 (slowReplies): bad argument",
            "{\"steps\": [{\"do\": \"registrationOutcome\", \"value\": \"moon\"}]} | step 0 (registrationOutcome): bad argument",
            "{\"steps\": [{\"do\": \"registrationOutcome\", \"value\": \"searching\"}]} | step 0 (registrationOutcome): bad argument",
            "{\"steps\": {}}                                                     | no \"steps\" array",
            "{\"steps\": [                                                       | bad scenario JSON",
    })
    void badScenariosAreRefusedWithTheStepAndTheReason(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse(json));
        assertTrue(e.getMessage().startsWith(message.trim()) || e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void theShippedDemoScenarioLoads() throws Exception {
        Scenario s = Scenario.fromResource("/io/ltemodem/sim/scenarios/demo-recovery.json");
        assertEquals("demo-recovery", s.name());
        assertTrue(s.steps().size() >= 5);
    }

    @Test
    void playsItsStepsInModemTime() throws Exception {
        try (SimModem sim = fast().build().start()) {
            String before;
            try (AtTestPort port = connectReady(sim)) {
                before = port.path();
                await("registered", () -> sim.registration().registered());
                assertReply(port, "AT+CGEREP=2,1;+CEREG=1;+CGACT=1,1", "\r\nOK\r\n");
                port.readUntil("+CGEV: ME PDN ACT 1\r\n");
                long start = sim.clock().millis();
                ScenarioRun run = sim.play(Scenario.parse("""
                        { "name": "flaky", "steps": [
                          { "at": 10000, "do": "networkDeactivatesContext", "cid": 1 },
                          { "at": 20000, "do": "registrationLost", "backAfterMs": 10000 },
                          { "at": 40000, "do": "injectUrc", "line": "+QIND: \\"act\\",\\"LTE\\"" },
                          { "at": 50000, "do": "reboot" } ] }
                        """));
                String urcs = port.readUntil("+QIND: \"act\",\"LTE\"\r\n");
                assertEquals(AtTestPort.show("\r\n+CGEV: NW DEACT \"IPV4V6\",\"" + urcs.split("\"")[3] + "\",1\r\n"
                        + "\r\n+CGEV: NW DETACH\r\n\r\n+CEREG: 2\r\n\r\n+CEREG: 1\r\n\r\n+QIND: \"act\",\"LTE\"\r\n"), AtTestPort.show(urcs));
                assertTrue(sim.clock().millis() - start >= 40_000);
                assertTrue(port.awaitHangUp(AtTestPort.WAIT_MS), "the reboot step");
                assertTrue(run.awaitDone(MODEM_WAIT));
                assertEquals(4, run.stepsDone());
            }
            assertTrue(sim.atPort().awaitNewPath(before, MODEM_WAIT) != null);
            assertEquals(1, sim.resetCount());
        }
    }

    @Test
    void aCancelledRunStops() throws Exception {
        try (SimModem sim = fast().build().start()) {
            ScenarioRun run = sim.play(Scenario.parse("{\"steps\": [{\"at\": 100000000, \"do\": \"reboot\"}]}"));
            run.cancel();
            assertFalse(run.awaitDone(MODEM_WAIT));
            assertEquals(0, run.stepsDone());
        }
    }
}

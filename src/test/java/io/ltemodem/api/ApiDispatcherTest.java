package io.ltemodem.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.StateKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

class ApiDispatcherTest {
    private FakeDaemonApi fake;
    private ApiDispatcher d;

    static final StatusJson.TimeBase TIME = new StatusJson.TimeBase() {
        @Override
        public long engineMillis() {
            return FakeDaemonApi.NOW;
        }

        @Override
        public long wallMillis() {
            return 1_700_000_000_000L;
        }
    };

    @BeforeEach
    void setUp() {
        fake = new FakeDaemonApi().put(FakeDaemonApi.online("wwan")).put(FakeDaemonApi.needsPin("lte2"));
        fake.device("wwan", new DeviceInfo("2c7c", "0125", "1-1.2", "/dev/ttyUSB2", "/dev/cdc-wdm0", "wwan0",
                "qmi_wwan", "qmi", "quectel"));
        d = new ApiDispatcher(fake, TIME, Runnable::run);
    }

    private Reply call(String method, String json) {
        return d.call(method, JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void publishesTheTenMethodsOfTheDesign() {
        assertEquals(List.of("list", "status", "info", "signal", "connect", "disconnect", "reset", "at", "reload", "hotplug"),
                d.methods().stream().map(MethodSpec::name).toList());
    }

    @Test
    void listNamesEveryModem() {
        Reply r = call("list", "{}");
        assertTrue(r.isOk());
        JsonArray modems = r.body().getAsJsonArray("modems");
        assertEquals(2, modems.size());
        JsonObject w = modems.get(0).getAsJsonObject();
        assertEquals("wwan", w.get("modem").getAsString());
        assertEquals("/dev/cdc-wdm0", w.get("device").getAsString());
        assertEquals("Quectel", w.get("vendor").getAsString());
        assertEquals("EC25", w.get("model").getAsString());
        assertEquals("qmi", w.get("protocol").getAsString());
        assertEquals("online", w.get("state").getAsString());
        assertEquals("needs_user", modems.get(1).getAsJsonObject().get("state").getAsString());
    }

    @Test
    void statusOfSeveralModemsIsKeyedByName() {
        Reply r = call("status", "{}");
        assertTrue(r.isOk());
        JsonObject modems = r.body().getAsJsonObject("modems");
        assertEquals("online", modems.getAsJsonObject("wwan").get("state").getAsString());
        assertEquals("needs_user", modems.getAsJsonObject("lte2").get("state").getAsString());
    }

    @Test
    void statusOfTheOnlyModemIsTheObjectItself() {
        FakeDaemonApi one = new FakeDaemonApi().put(FakeDaemonApi.online("wwan"));
        Reply r = new ApiDispatcher(one, TIME, Runnable::run).call("status", new JsonObject());
        assertEquals("online", r.body().get("state").getAsString());
        assertFalse(r.body().has("modems"));
    }

    @Test
    void statusWithNoModemsIsAnEmptyTable() {
        Reply r = new ApiDispatcher(new FakeDaemonApi(), TIME, Runnable::run).call("status", new JsonObject());
        assertTrue(r.isOk());
        assertEquals(0, r.body().getAsJsonObject("modems").size());
    }

    @Test
    void statusOfOneModemIgnoresUnknownFieldsSuchAsTheLuciSession() {
        Reply r = call("status", "{\"modem\":\"lte2\",\"ubus_rpc_session\":\"0123456789abcdef0123456789abcdef\",\"x\":[1,2]}");
        assertTrue(r.isOk(), r.toString());
        assertEquals("needs_user", r.body().get("state").getAsString());
        assertEquals("PIN_REQUIRED", r.body().getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void unknownModemIsNotFound() {
        for (String m : List.of("status", "info", "signal", "reset", "at")) {
            Reply r = call(m, "{\"modem\":\"nosuch\",\"command\":\"AT\"}");
            assertEquals(UbusStatus.NOT_FOUND, r.status(), m);
            assertTrue(r.errorMessage().contains("nosuch"), r.toString());
        }
        for (String m : List.of("connect", "disconnect")) {
            assertEquals(UbusStatus.NOT_FOUND, call(m, "{\"interface\":\"nosuch\"}").status(), m);
        }
        assertTrue(fake.calls.isEmpty(), fake.calls.toString());
    }

    /** method | arguments: every row is refused with INVALID_ARGUMENT and reaches nothing in the daemon. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status     | {\"modem\":42}",
            "status     | {\"modem\":true}",
            "status     | {\"modem\":[\"wwan\"]}",
            "status     | {\"modem\":{\"a\":1}}",
            "status     | {\"modem\":\"\"}",
            "status     | {\"modem\":\"ww an\"}",
            "status     | {\"modem\":\"wwan\\n\"}",
            "status     | {\"modem\":\"wwan;reboot\"}",
            "info       | {}",
            "info       | {\"modem\":1}",
            "signal     | {}",
            "signal     | {\"modem\":\"../../etc\"}",
            "connect    | {}",
            "connect    | {\"modem\":\"wwan\"}",
            "connect    | {\"interface\":\"wwan\",\"timeout\":\"10\"}",
            "connect    | {\"interface\":\"wwan\",\"timeout\":0}",
            "connect    | {\"interface\":\"wwan\",\"timeout\":1.5}",
            "connect    | {\"interface\":\"wwan\",\"timeout\":99999999999}",
            "connect    | {\"interface\":\"wwan\",\"timeout\":true}",
            "disconnect | {}",
            "disconnect | {\"interface\":5}",
            "reset      | {}",
            "reset      | {\"modem\":\"wwan\",\"level\":\"give_up\"}",
            "reset      | {\"modem\":\"wwan\",\"level\":\"reprobe\"}",
            "reset      | {\"modem\":\"wwan\",\"level\":\"MODEM\"}",
            "reset      | {\"modem\":\"wwan\",\"level\":3}",
            "at         | {\"modem\":\"wwan\"}",
            "at         | {\"command\":\"AT\"}",
            "at         | {\"modem\":\"wwan\",\"command\":7}",
            "at         | {\"modem\":\"wwan\",\"command\":\"\"}",
            "at         | {\"modem\":\"wwan\",\"command\":\"AT\\r\\nAT+CFUN=0\"}",
            "at         | {\"modem\":\"wwan\",\"command\":\"AT+CMGS=1\\u001a\"}",
            "at         | {\"modem\":\"wwan\",\"command\":\"AT\\u001b\"}",
            "at         | {\"modem\":\"wwan\",\"command\":\"ATI\",\"timeout\":0}",
            "at         | {\"modem\":\"wwan\",\"command\":\"ATI\",\"timeout\":301}",
            "at         | {\"modem\":\"wwan\",\"command\":\"CSQ\"}",
            "hotplug    | {}",
            "hotplug    | {\"action\":\"add\"}",
            "hotplug    | {\"action\":\"explode\",\"subsystem\":\"usb\"}",
            "hotplug    | {\"action\":\"add\",\"subsystem\":\"usb bus\"}",
            "hotplug    | {\"action\":\"add\",\"subsystem\":\"usb\",\"devname\":\"ttyUSB0 x\"}",
            "hotplug    | {\"action\":\"add\",\"subsystem\":\"usb\",\"devpath\":1}",
    })
    void badArgumentsAreInvalidAndChangeNothing(String method, String args) {
        Reply r = call(method, args);
        assertEquals(UbusStatus.INVALID_ARGUMENT, r.status(), method + " " + args + " -> " + r);
        assertNotNull(r.errorMessage());
        assertTrue(fake.calls.isEmpty(), "nothing reached the daemon: " + fake.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "info", "signal", "reset", "at"})
    void oversizedStringsAreInvalid(String method) {
        String huge = "w".repeat(300);
        Reply r = call(method, "{\"modem\":\"" + huge + "\",\"command\":\"AT\"}");
        assertEquals(UbusStatus.INVALID_ARGUMENT, r.status());
        assertTrue(r.errorMessage().contains("300 characters"), r.errorMessage());
        Reply c = call("at", "{\"modem\":\"wwan\",\"command\":\"AT" + "+CSQ;".repeat(120) + "\"}");
        assertEquals(UbusStatus.INVALID_ARGUMENT, c.status());
        assertTrue(fake.calls.isEmpty());
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        assertEquals(UbusStatus.METHOD_NOT_FOUND, call("reboot", "{}").status());
        assertEquals(UbusStatus.METHOD_NOT_FOUND, d.call(null, null).status());
    }

    @Test
    void connectWaitsForTheEngineAndReportsTheSession() {
        fake.put(FakeDaemonApi.registered("wwan"));
        CompletableFuture<Reply> f = d.dispatch("connect", JsonParser.parseString("{\"interface\":\"wwan\",\"timeout\":40}").getAsJsonObject());
        assertFalse(f.isDone(), "connect waits while the modem is not online");
        assertEquals(List.of("connect wwan 40000"), fake.calls);
        fake.put(FakeDaemonApi.online("wwan"));
        fake.completeConnect("wwan");
        Reply r = f.join();
        assertTrue(r.isOk());
        JsonObject b = r.body();
        assertTrue(b.get("up").getAsBoolean());
        assertFalse(b.has("error"));
        assertEquals("wwan0", b.get("netdev").getAsString());
        assertEquals("10.64.1.2", b.getAsJsonObject("ipv4").get("address").getAsString());
        assertEquals(30, b.getAsJsonObject("ipv4").get("prefix").getAsInt());
        assertEquals("10.64.1.1", b.getAsJsonObject("ipv4").get("gateway").getAsString());
        assertEquals(2, b.getAsJsonObject("ipv4").getAsJsonArray("dns").size());
        assertEquals(64, b.getAsJsonObject("ipv6").get("prefix").getAsInt());
        assertFalse(b.get("dhcp").getAsBoolean());
        assertFalse(b.get("dhcpv6").getAsBoolean());
        assertEquals(1500, b.get("mtu").getAsInt());
    }

    @Test
    void connectUsesTheDefaultTimeout() {
        d.dispatch("connect", JsonParser.parseString("{\"interface\":\"wwan\"}").getAsJsonObject()).join();
        assertEquals(List.of("connect wwan " + ApiDispatcher.DEFAULT_CONNECT_TIMEOUT_S * 1000L), fake.calls);
    }

    @Test
    void connectOfAModemThatNeedsAPersonSaysWhy() {
        CompletableFuture<Reply> f = d.dispatch("connect", JsonParser.parseString("{\"interface\":\"lte2\"}").getAsJsonObject());
        fake.completeConnect("lte2");
        JsonObject b = f.join().body();
        assertFalse(b.get("up").getAsBoolean());
        assertEquals("PIN_REQUIRED", b.getAsJsonObject("error").get("code").getAsString());
        assertFalse(b.getAsJsonObject("error").get("message").getAsString().isEmpty());
    }

    @Test
    void connectThatTimesOutWithoutAnErrorReportsTimeout() {
        fake.put(FakeDaemonApi.registered("wwan"));
        CompletableFuture<Reply> f = d.dispatch("connect", JsonParser.parseString("{\"interface\":\"wwan\",\"timeout\":1}").getAsJsonObject());
        fake.completeConnect("wwan");
        JsonObject b = f.join().body();
        assertFalse(b.get("up").getAsBoolean());
        assertEquals("TIMEOUT", b.getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void disconnectAnswersAtOnce() {
        Reply r = call("disconnect", "{\"interface\":\"wwan\",\"ubus_rpc_session\":\"x\"}");
        assertTrue(r.isOk());
        assertEquals(0, r.body().size());
        assertEquals(List.of("disconnect wwan"), fake.calls);
    }

    @Test
    void resetDefaultsToAModemReset() {
        Reply r = call("reset", "{\"modem\":\"wwan\"}");
        assertTrue(r.body().get("accepted").getAsBoolean());
        assertEquals("modem", r.body().get("level").getAsString());
        Reply usb = call("reset", "{\"modem\":\"wwan\",\"level\":\"usb\"}");
        assertEquals("usb", usb.body().get("level").getAsString());
        assertEquals(List.of("reset wwan modem", "reset wwan usb"), fake.calls);
    }

    @Test
    void atSendsAllowedCommandsAndMasksSecretsInTheAnswer() {
        fake.atHandler = (m, c) -> AtResult.of(AtResult.Kind.OK, List.of("AT+CPIN=\"1234\"", "+CSQ: 20,99"));
        Reply r = call("at", "{\"modem\":\"wwan\",\"command\":\"AT+CSQ\"}");
        assertTrue(r.isOk(), r.toString());
        assertEquals("OK", r.body().get("result").getAsString());
        JsonArray lines = r.body().getAsJsonArray("lines");
        assertEquals("AT+CPIN=***", lines.get(0).getAsString());
        assertEquals("+CSQ: 20,99", lines.get(1).getAsString());
        assertFalse(r.body().toString().contains("1234"));
        assertEquals(List.of("at wwan AT+CSQ 5000"), fake.calls);
    }

    @Test
    void atReportsModemErrors() {
        fake.atHandler = (m, c) -> new AtResult(AtResult.Kind.CME_ERROR, List.of(), 10, "10");
        Reply r = call("at", "{\"modem\":\"wwan\",\"command\":\"AT+CIMI\",\"timeout\":2}");
        assertEquals("+CME ERROR: 10", r.body().get("result").getAsString());
        fake.atHandler = (m, c) -> AtResult.timeout(List.of("partial"));
        assertEquals("TIMEOUT", call("at", "{\"modem\":\"wwan\",\"command\":\"AT+COPS=?\"}").body().get("result").getAsString());
    }

    @Test
    void dangerousAtCommandsNeedTheConfigSwitch() {
        Reply r = call("at", "{\"modem\":\"wwan\",\"command\":\"AT+CLCK=\\\"SC\\\",0,\\\"1234\\\"\"}");
        assertEquals(UbusStatus.PERMISSION_DENIED, r.status());
        assertTrue(r.errorMessage().contains("at_allow_dangerous"), r.errorMessage());
        assertFalse(r.errorMessage().contains("1234"), "the PIN is masked: " + r.errorMessage());
        assertTrue(fake.calls.isEmpty());
        fake.config = new DaemonConfig(true, "info", 10_000, List.of(), 30_000, 3, 3, 300_000, null, "session", "",
                Path.of("/sys"), true, Path.of("/tmp"));
        assertTrue(call("at", "{\"modem\":\"wwan\",\"command\":\"AT+QCFG=\\\"usbnet\\\",1\"}").isOk());
        assertEquals(1, fake.calls.size());
    }

    @Test
    void atCapsRunawayReplies() {
        fake.atHandler = (m, c) -> AtResult.of(AtResult.Kind.OK, java.util.Collections.nCopies(500, "x".repeat(5000)));
        JsonObject b = call("at", "{\"modem\":\"wwan\",\"command\":\"AT+QENG=\\\"neighbourcell\\\"\"}").body();
        assertEquals(ApiDispatcher.MAX_AT_LINES, b.getAsJsonArray("lines").size());
        assertEquals(ApiDispatcher.MAX_AT_LINE, b.getAsJsonArray("lines").get(0).getAsString().length());
        assertTrue(b.get("truncated").getAsBoolean());
    }

    @Test
    void reloadReportsTheChanges() {
        fake.reloadHandler = () -> List.of("wwan: changed apn", "lte3: added");
        Reply r = call("reload", "{}");
        assertEquals(List.of("wwan: changed apn", "lte3: added"),
                r.body().getAsJsonArray("changes").asList().stream().map(e -> e.getAsString()).toList());
    }

    @Test
    void hotplugPassesTheEventOn() {
        Reply r = call("hotplug", "{\"action\":\"add\",\"subsystem\":\"tty\",\"devname\":\"ttyUSB2\","
                + "\"devpath\":\"/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.2/ttyUSB2/tty/ttyUSB2\"}");
        assertTrue(r.isOk());
        assertEquals(List.of("hotplug add tty ttyUSB2 /devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.2/ttyUSB2/tty/ttyUSB2"),
                fake.calls);
        assertTrue(call("hotplug", "{\"action\":\"remove\",\"subsystem\":\"usb\"}").isOk());
    }

    @Test
    void aFailureInsideTheDaemonIsAnUnknownErrorNotAnException() {
        FakeDaemonApi broken = new FakeDaemonApi() {
            @Override
            public List<ModemStatus> statuses() {
                throw new IllegalStateException("boom");
            }
        };
        Reply r = new ApiDispatcher(broken, TIME, Runnable::run).call("list", new JsonObject());
        assertEquals(UbusStatus.UNKNOWN_ERROR, r.status());
        assertFalse(r.errorMessage().contains("boom"));
    }

    @Test
    void slowMethodsRunOnTheWorkerNotOnTheCaller() {
        ApiDispatcher async = new ApiDispatcher(fake, TIME, r -> new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            r.run();
        }).start());
        CompletableFuture<Reply> at = async.dispatch("at", JsonParser.parseString("{\"modem\":\"wwan\",\"command\":\"ATI\"}").getAsJsonObject());
        CompletableFuture<Reply> reload = async.dispatch("reload", new JsonObject());
        assertTrue(async.dispatch("status", new JsonObject()).isDone(), "status answers from the cache at once");
        assertFalse(at.isDone());
        assertFalse(reload.isDone());
        assertTrue(at.join().isOk());
        assertTrue(reload.join().isOk());
    }

    @Test
    void eventCarriesFromToAndReason() {
        JsonObject e = d.json().event(new io.ltemodem.engine.StateEvent("wwan", ModemState.of(StateKind.CONNECTED),
                ModemState.of(StateKind.ONLINE), "ping ok", 1));
        assertEquals("{\"modem\":\"wwan\",\"from\":\"connected\",\"to\":\"online\",\"reason\":\"ping ok\"}", e.toString());
    }

    @Test
    void aFloodOfSlowCallsIsRefusedNotQueuedForever() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        fake.atHandler = (m, c) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AtResult.of(AtResult.Kind.OK, List.of());
        };
        ApiDispatcher pooled = new ApiDispatcher(fake);
        List<CompletableFuture<Reply>> all = new java.util.ArrayList<>();
        for (int i = 0; i < ApiDispatcher.WORKERS + ApiDispatcher.QUEUED_CALLS + 5; i++) {
            all.add(pooled.dispatch("at", JsonParser.parseString("{\"modem\":\"wwan\",\"command\":\"ATI\"}").getAsJsonObject()));
        }
        long refused = all.stream().filter(CompletableFuture::isDone).count();
        assertEquals(5, refused);
        assertTrue(all.get(all.size() - 1).join().errorMessage().startsWith("busy"));
        release.countDown();
        for (CompletableFuture<Reply> f : all.subList(0, all.size() - 5)) assertTrue(f.get(5, java.util.concurrent.TimeUnit.SECONDS).isOk());
    }

    @Test
    void statusAnswersFromTheCacheInMicroseconds() {
        JsonObject args = JsonParser.parseString("{\"modem\":\"wwan\",\"ubus_rpc_session\":\"x\"}").getAsJsonObject();
        for (int i = 0; i < 2_000; i++) d.dispatch("status", args); // warm up
        int n = 10_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) assertTrue(d.dispatch("status", args).isDone());
        long perCallMicros = (System.nanoTime() - t0) / 1_000 / n;
        assertTrue(perCallMicros < 500, "status took " + perCallMicros + " µs per call");
    }
}

package io.ltemodem.ubus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ltemodem.api.ApiDispatcher;
import io.ltemodem.api.FakeDaemonApi;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.StateKind;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.daemon.ConfigSource;
import io.ltemodem.uci.ConfigDiff;
import io.ltemodem.uci.ConfigReader;
import io.ltemodem.uci.NativeUci;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ubus object against a private ubusd and the real {@code ubus} CLI, served by {@link UbusServer} over a fake
 * in-test daemon. Runs when {@code LTEMODEM_OPENWRT_PREFIX} points at a prefix with the OpenWrt libraries and
 * tools; skipped otherwise.
 */
class UbusServerIntegrationTest {
    static OpenWrtPrefix ow;
    static Path dir;
    static Path sock;
    static Process ubusd;
    static FakeDaemonApi fake;
    static UbusServer server;

    @BeforeAll
    static void start() throws Exception {
        ow = OpenWrtPrefix.require("ubus");
        dir = Files.createTempDirectory("ltemodem-ubus");
        sock = dir.resolve("ubus.sock");
        ubusd = ow.startUbusd(sock);
        fake = new FakeDaemonApi();
        server = UbusServer.start(new ApiDispatcher(fake), fake, UbusServer.Settings.defaults().withSocket(sock.toString()));
        assertTrue(server.isConnected());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        OpenWrtPrefix.stop(ubusd);
        OpenWrtPrefix.deleteTree(dir);
    }

    @BeforeEach
    void resetFake() {
        fake.calls.clear();
        fake.pendingConnects.clear();
        fake.put(FakeDaemonApi.online("wwan")).put(FakeDaemonApi.needsPin("lte2"));
    }

    private ProcessRunner.Result ubus(String... args) {
        List<String> a = new ArrayList<>(List.of("-s", sock.toString(), "-t", "5"));
        a.addAll(List.of(args));
        return ow.run(10_000, "ubus", a.toArray(String[]::new));
    }

    private JsonObject call(String method, String json) {
        ProcessRunner.Result r = ubus("call", "ltemodem", method, json);
        assertEquals(0, r.exitCode(), method + " " + json + ": " + r.stderr() + r.stdout());
        return r.stdout().isBlank() ? new JsonObject() : JsonParser.parseString(r.stdout()).getAsJsonObject();
    }

    private static void await(String what, long ms, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void listShowsTypedMethodSignatures() {
        ProcessRunner.Result r = ubus("-v", "list", "ltemodem");
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.startsWith("'ltemodem' @"), out);
        assertTrue(out.contains("\"list\":{}"), out);
        assertTrue(out.contains("\"status\":{\"modem\":\"String\"}"), out);
        assertTrue(out.contains("\"connect\":{\"interface\":\"String\",\"timeout\":\"Integer\"}"), out);
        assertTrue(out.contains("\"at\":{\"modem\":\"String\",\"command\":\"String\",\"timeout\":\"Integer\"}"), out);
        assertTrue(out.contains("\"hotplug\":{\"action\":\"String\",\"subsystem\":\"String\",\"devname\":\"String\",\"devpath\":\"String\"}"), out);
        for (String m : List.of("info", "signal", "disconnect", "reset", "reload")) assertTrue(out.contains("\"" + m + "\":"), m);
    }

    @Test
    void everyMethodAnswersThroughTheRealCli() {
        assertEquals(2, call("list", "{}").getAsJsonArray("modems").size());
        assertEquals("online", call("status", "{}").getAsJsonObject("modems").getAsJsonObject("wwan").get("state").getAsString());
        JsonObject st = call("status", "{\"modem\":\"wwan\"}");
        assertEquals("online", st.get("state").getAsString());
        assertEquals(-10.5, st.getAsJsonObject("signal").get("rsrq").getAsDouble(), 1e-9);
        assertEquals("10.64.1.2", st.getAsJsonObject("bearer").getAsJsonObject("ipv4").get("address").getAsString());
        assertEquals("EC25", call("info", "{\"modem\":\"wwan\"}").get("model").getAsString());
        assertEquals(-90, call("signal", "{\"modem\":\"wwan\"}").get("rsrp").getAsInt());
        assertEquals(0, call("disconnect", "{\"interface\":\"wwan\"}").size());
        assertEquals("usb", call("reset", "{\"modem\":\"wwan\",\"level\":\"usb\"}").get("level").getAsString());
        JsonObject at = call("at", "{\"modem\":\"wwan\",\"command\":\"ATI\"}");
        assertEquals("OK", at.get("result").getAsString());
        assertEquals("echo: ATI", at.getAsJsonArray("lines").get(0).getAsString());
        fake.reloadHandler = () -> List.of("wwan: changed apn");
        assertEquals("wwan: changed apn", call("reload", "{}").getAsJsonArray("changes").get(0).getAsString());
        assertEquals(0, call("hotplug", "{\"action\":\"add\",\"subsystem\":\"usb\",\"devpath\":\"/devices/x/1-1\"}").size());
        // LuCI adds ubus_rpc_session to every call; it is ignored
        assertEquals("needs_user", call("status", "{\"modem\":\"lte2\",\"ubus_rpc_session\":\"f00\"}").get("state").getAsString());
        assertEquals(List.of("disconnect wwan", "reset wwan usb", "at wwan ATI 5000", "reload",
                "hotplug add usb null /devices/x/1-1"), fake.calls);
    }

    @Test
    void badArgumentsAreRefusedWithTheUbusStatusAndChangeNothing() {
        String[][] cases = {
                {"status", "{\"modem\":42}", "Invalid argument"},
                {"status", "{\"modem\":\"" + "x".repeat(300) + "\"}", "Invalid argument"},
                {"connect", "{\"interface\":\"wwan\",\"timeout\":\"soon\"}", "Invalid argument"},
                {"reset", "{\"modem\":\"wwan\",\"level\":\"nuke\"}", "Invalid argument"},
                {"at", "{\"modem\":\"wwan\",\"command\":\"AT\\r\\nAT+CFUN=0\"}", "Invalid argument"},
                {"at", "{\"modem\":\"wwan\",\"command\":\"AT+CFUN=0\"}", "Permission denied"},
                {"info", "{\"modem\":\"nosuch\"}", "Not found"},
                {"frobnicate", "{}", "Method not found"},
        };
        for (String[] c : cases) {
            ProcessRunner.Result r = ubus("call", "ltemodem", c[0], c[1]);
            assertNotEquals(0, r.exitCode(), c[0] + " " + c[1]);
            // On a terminal the CLI says "Command failed: Invalid argument"; into a pipe (as here) it says
            // "Command failed: ubus call ltemodem status {...} (Invalid argument)".
            String err = r.stderr().lines().findFirst().orElse("");
            assertTrue(err.startsWith("Command failed: ") && (err.endsWith("(" + c[2] + ")") || err.endsWith(": " + c[2])),
                    c[0] + " " + c[1] + " -> " + err);
        }
        assertTrue(fake.calls.isEmpty(), fake.calls.toString());
    }

    @Test
    void stateChangesBecomeEvents() throws Exception {
        Path out = dir.resolve("listen.out");
        Process listen = ow.spawn(out, "ubus", "-s", sock.toString(), "listen", "ltemodem.state");
        try {
            StateEvent e = new StateEvent("wwan", ModemState.of(StateKind.CONNECTED), ModemState.of(StateKind.ONLINE),
                    "data path verified", 1);
            // `ubus listen` registers asynchronously: publish until it hears one.
            await("the event on ubus listen", 5_000, () -> {
                fake.fire(e);
                try {
                    Thread.sleep(100);
                    return Files.readString(out).contains("ltemodem.state");
                } catch (IOException | InterruptedException ex) {
                    return false;
                }
            });
            String text = Files.readString(out);
            String line = text.lines().filter(l -> l.contains("ltemodem.state")).findFirst().orElseThrow();
            JsonObject ev = JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("ltemodem.state");
            assertEquals("wwan", ev.get("modem").getAsString());
            assertEquals("connected", ev.get("from").getAsString());
            assertEquals("online", ev.get("to").getAsString());
            assertEquals("data path verified", ev.get("reason").getAsString());
            // every state change is published
            int before = (int) Files.readString(out).lines().filter(l -> l.contains("ltemodem.state")).count();
            fake.fire(new StateEvent("lte2", ModemState.of(StateKind.SEARCHING), ModemState.of(StateKind.REGISTERED, "home"), "CEREG 1", 2));
            fake.fire(new StateEvent("lte2", ModemState.of(StateKind.REGISTERED, "home"), ModemState.of(StateKind.ATTACHED), "CGATT 1", 3));
            await("two more events", 5_000, () -> {
                try {
                    return Files.readString(out).lines().filter(l -> l.contains("ltemodem.state")).count() >= before + 2;
                } catch (IOException ex) {
                    return false;
                }
            });
        } finally {
            listen.destroyForcibly();
            listen.waitFor(3, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectBlocksUntilOnlineWhileStatusStaysFast() throws Exception {
        fake.put(FakeDaemonApi.registered("wwan"));
        Path out = dir.resolve("connect.out");
        long t0 = System.nanoTime();
        Process connect = ow.spawn(out, "ubus", "-s", sock.toString(), "-t", "10", "call", "ltemodem", "connect",
                "{\"interface\":\"wwan\"}");
        try {
            await("connect to reach the daemon", 5_000, () -> fake.pendingConnects.containsKey("wwan"));
            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long s0 = System.nanoTime();
                JsonObject st = call("status", "{\"modem\":\"wwan\"}");
                slowest = Math.max(slowest, (System.nanoTime() - s0) / 1_000_000);
                assertEquals("registered", st.get("state").getAsString());
            }
            assertTrue(slowest < 1_000, "status answered while connect waits; slowest CLI round trip " + slowest + " ms");
            assertTrue(connect.isAlive(), "connect still waits for the modem");
            fake.put(FakeDaemonApi.online("wwan"));
            fake.completeConnect("wwan");
            assertTrue(connect.waitFor(5, TimeUnit.SECONDS), "connect returned once online");
            assertEquals(0, connect.exitValue(), Files.readString(out));
            JsonObject reply = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
            assertTrue(reply.get("up").getAsBoolean());
            assertEquals("wwan0", reply.get("netdev").getAsString());
            assertEquals("10.64.1.2", reply.getAsJsonObject("ipv4").get("address").getAsString());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
        } finally {
            connect.destroyForcibly();
            connect.waitFor(3, TimeUnit.SECONDS);
        }
    }

    @Test
    void childExitCodesStayRightWhileConnected() throws Exception {
        // DESIGN §10: with uloop's SIGCHLD handler, 2-10 of 200 waitFor() calls returned 0 instead of 7.
        assertTrue(server.isConnected());
        assertFalse(OpenWrtLibraries.uloopHandlesSigchld(), "uloop_handle_sigchld was cleared before uloop_init");
        int wrong = 0;
        for (int i = 0; i < 200; i++) {
            Process p = new ProcessBuilder("sh", "-c", "exit 7").start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            if (p.exitValue() != 7) wrong++;
        }
        assertEquals(0, wrong, "exit codes lost to uloop's SIGCHLD handler");
        assertEquals(0, call("disconnect", "{\"interface\":\"wwan\"}").size(), "ubus still serves");
    }

    @Test
    void theObjectComesBackAfterUbusdRestarts() throws Exception {
        int firstId = server.objectId();
        OpenWrtPrefix.stop(ubusd);
        await("the server to notice", 5_000, () -> !server.isConnected());
        Thread.sleep(300);
        ubusd = ow.startUbusd(sock);
        long t0 = System.nanoTime();
        ProcessRunner.Result r = ow.run(15_000, "ubus", "-s", sock.toString(), "-t", "10", "wait_for", "ltemodem");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(ms < 5_000, "object back after " + ms + " ms");
        // wait_for can see the object a moment before the ubus thread records its registration
        await("the server to record the registration", 2_000, server::isConnected);
        assertNotEquals(0, server.objectId());
        assertEquals("online", call("status", "{\"modem\":\"wwan\"}").get("state").getAsString());
        assertTrue(firstId != 0);
    }

    @Test
    void netifdIsAskedToRenewOnNewIpSettingsAndToGoDownWhenTheSessionIsLostForGood() throws Exception {
        Path out = dir.resolve("netifd.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process netifd = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", FakeNetifdMain.class.getName(),
                ow.lib().toString(), sock.toString(), "wwan")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            await("the fake netifd", 15_000, () -> read(out).contains("READY"));
            fake.fireIpChanged("wwan");
            await("renew", 5_000, () -> read(out).contains("CALL renew {}"));
            fake.fire(new StateEvent("wwan", ModemState.of(StateKind.CONNECTED), ModemState.of(StateKind.ONLINE), "ok", 1));
            fake.fire(new StateEvent("wwan", ModemState.of(StateKind.ONLINE),
                    ModemState.failed(StateKind.SIM_ABSENT, null, ErrorCode.SIM_ABSENT), "SIM removed", 2));
            await("down", 5_000, () -> read(out).contains("CALL down {}"));
            assertFalse(read(out).contains("CALL up"), read(out));
            // an interface netifd does not know is skipped quietly
            fake.fireIpChanged("nosuch");
            assertEquals("sim_absent", call("status", "{\"modem\":\"wwan\"}").get("state").getAsString(), "still serving");
        } finally {
            netifd.destroyForcibly();
            netifd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aChangeMadeWithTheUciCliShowsInReload() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("config"));
        Path save = Files.createDirectories(dir.resolve("uci-save"));
        Files.writeString(conf.resolve("network"), "config interface 'wwan'\n\toption proto 'ltemodem'\n"
                + "\toption apn 'internet'\n\toption pincode '1234'\n");
        ConfigReader reader = new ConfigReader(conf, NativeUci.ifAvailable().orElseThrow());
        AtomicReference<ConfigSource.Loaded> current = new AtomicReference<>(reader.load());
        fake.reloadHandler = () -> {
            ConfigSource.Loaded next = reader.load();
            List<String> lines = new ArrayList<>(next.errors());
            lines.addAll(ConfigDiff.between(current.getAndSet(next), next).describe());
            return lines;
        };
        assertEquals(0, call("reload", "{}").getAsJsonArray("changes").size(), "nothing changed yet");
        // -t: save directory for the change; (-P would make `commit` a no-op)
        assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "set",
                "network.wwan.apn=web.vodafone.de").exitCode());
        assertEquals(0, call("reload", "{}").getAsJsonArray("changes").size(), "uncommitted changes are not applied");
        assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "commit", "network").exitCode());
        JsonObject r = call("reload", "{}");
        assertEquals("wwan: changed apn", r.getAsJsonArray("changes").get(0).getAsString(), r.toString());
        assertEquals("web.vodafone.de", current.get().modems().get(0).apn());
        // a bad value is reported naming section and option; a secret's value is never shown
        assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "set",
                "network.wwan.pincode=12x").exitCode());
        assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "commit", "network").exitCode());
        String changes = call("reload", "{}").getAsJsonArray("changes").toString();
        assertTrue(changes.contains("network.wwan: option 'pincode' has an invalid value (secret, not shown)"), changes);
        assertTrue(changes.contains("wwan: removed"), changes);
        assertFalse(changes.contains("12x"), changes);
    }
}

package io.ltemodem.ubus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ltemodem.daemon.Daemon;
import io.ltemodem.daemon.simulated.SimModemFactory;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ProcessRunner;
import io.ltemodem.sys.ScaledClock;
import io.ltemodem.uci.ConfigReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole daemon — UCI files read through libuci, the reconciler, a simulated modem on a pty — behind a private
 * ubusd, driven with the real {@code ubus} and {@code uci} CLIs as netifd and a user would. Runs when
 * {@code LTEMODEM_OPENWRT_PREFIX} is set.
 */
class DaemonOverUbusIntegrationTest {
    private OpenWrtPrefix ow;
    private Path dir;
    private Path sock;
    private Process ubusd;
    private SimModem sim;
    private Daemon daemon;
    private UbusServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (daemon != null) daemon.close();
        if (sim != null) sim.close();
        OpenWrtPrefix.stop(ubusd);
        if (dir != null) OpenWrtPrefix.deleteTree(dir);
    }

    private ProcessRunner.Result ubus(long timeoutMs, String... args) {
        List<String> a = new ArrayList<>(List.of("-s", sock.toString()));
        a.addAll(List.of(args));
        return ow.run(timeoutMs, "ubus", a.toArray(String[]::new));
    }

    private JsonObject call(String method, String json) {
        ProcessRunner.Result r = ubus(10_000, "-t", "5", "call", "ltemodem", method, json);
        assertEquals(0, r.exitCode(), method + ": " + r.stderr() + r.stdout());
        return JsonParser.parseString(r.stdout().isBlank() ? "{}" : r.stdout()).getAsJsonObject();
    }

    @Test
    void netifdStyleConnectOverUbusReachesOnlineAndUciChangesApplyOnReload() throws Exception {
        ow = OpenWrtPrefix.require("daemon over ubus");
        dir = Files.createTempDirectory("ltemodem-daemon-ubus");
        Path conf = Files.createDirectories(dir.resolve("config"));
        Files.writeString(conf.resolve("network"), """
                config interface 'loopback'
                	option device 'lo'
                	option proto 'static'

                config interface 'wwan'
                	option proto 'ltemodem'
                	option apn 'internet'
                	option pincode '1234'
                """);
        Files.writeString(conf.resolve("ltemodem"), "config ltemodem 'main'\n\toption poll_interval '5'\n");
        sock = dir.resolve("ubus.sock");
        ubusd = ow.startUbusd(sock);

        ScaledClock clock = new ScaledClock(20);
        sim = SimModem.builder().persona("quectel-ec25").clock(clock).simState(SimCardState.PIN).radio(0).build().start();
        Path usb = Files.createDirectories(dir.resolve("usb/1-1"));
        daemon = new Daemon(ConfigReader.forDirectory(conf),
                new SimModemFactory(clock, sim, EngineTimings.defaults(), usb, java.time.Clock.systemUTC()));
        assertEquals(List.of(), daemon.start());
        server = UbusServer.start(new io.ltemodem.api.ApiDispatcher(daemon), daemon,
                UbusServer.Settings.defaults().withSocket(sock.toString()));

        Path events = dir.resolve("events.out");
        Process listen = ow.spawn(events, "ubus", "-s", sock.toString(), "listen", "ltemodem.state");
        Path out = dir.resolve("connect.out");
        Process connect = ow.spawn(out, "ubus", "-s", sock.toString(), "-t", "60", "call", "ltemodem", "connect",
                "{\"interface\":\"wwan\"}");
        try {
            // While connect blocks on the modem, status answers from the cache.
            long slowest = 0;
            while (connect.isAlive() && slowest < 60_000) {
                long t0 = System.nanoTime();
                assertTrue(call("status", "{\"modem\":\"wwan\"}").has("state"));
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
                if (!connect.waitFor(50, TimeUnit.MILLISECONDS)) continue;
            }
            assertTrue(connect.waitFor(60, TimeUnit.SECONDS), "connect returned");
            assertEquals(0, connect.exitValue(), Files.readString(out));
            assertTrue(slowest < 2_000, "status stayed fast while connect waited: " + slowest + " ms");
            JsonObject reply = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
            assertTrue(reply.get("up").getAsBoolean(), reply.toString());
            assertTrue(reply.getAsJsonObject("ipv4").get("address").getAsString().startsWith("10."), reply.toString());
            assertEquals("online", call("status", "{\"modem\":\"wwan\"}").get("state").getAsString());
            assertEquals(1, sim.pinAttempts());

            // The real uci CLI changes the APN; reload applies it to the modem.
            Path save = Files.createDirectories(dir.resolve("uci-save"));
            assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "set", "network.wwan.apn=iot.example").exitCode());
            assertEquals(0, ow.run(10_000, "uci", "-c", conf.toString(), "-t", save.toString(), "commit", "network").exitCode());
            assertEquals("wwan: changed", call("reload", "{}").getAsJsonArray("changes").get(0).getAsString());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!apnOfContext1().equals("iot.example") && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals("iot.example", apnOfContext1());
        } finally {
            connect.destroyForcibly();
            listen.destroyForcibly();
            listen.waitFor(3, TimeUnit.SECONDS);
        }
        String ev = Files.readString(events);
        assertTrue(ev.contains("\"to\": \"online\"") || ev.contains("\"to\":\"online\""), ev);
        assertFalse(ev.contains("1234"), "no PIN in events");
    }

    private String apnOfContext1() {
        for (PdpContextInfo c : sim.contexts()) if (c.cid() == 1) return c.apn();
        return "";
    }
}

package io.ltemodem.ubus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ltemodem.api.ApiDispatcher;
import io.ltemodem.api.ArgSpec;
import io.ltemodem.api.ArgType;
import io.ltemodem.api.MethodSpec;
import io.ltemodem.api.UbusStatus;
import io.ltemodem.daemon.Daemon;
import io.ltemodem.daemon.simulated.SimModemFactory;
import io.ltemodem.engine.EngineTimings;
import io.ltemodem.model.StateKind;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ubus fuzz through the real thing: the daemon's object on a private ubusd, called with the real {@code ubus} CLI
 * (as shell scripts, rpcd and LuCI reach it) with malformed, oversized, wrongly typed and injected arguments for every
 * method. Each call gets a clean ubus status — never a timeout, never "unknown error", never a dropped connection —
 * the daemon keeps answering, and the online modem behind it is left as it was: same state, no command sent to it.
 * Runs when {@code LTEMODEM_OPENWRT_PREFIX} is set ({@code ApiFuzzTest} always runs the same through the dispatcher).
 */
class UbusFuzzIntegrationTest {
    /** How a refusal may end: ubus statuses that are answers (the ubus CLI exits with the status). */
    private static final Set<Integer> CLEAN = Set.of(UbusStatus.INVALID_ARGUMENT, UbusStatus.METHOD_NOT_FOUND,
            UbusStatus.NOT_FOUND, UbusStatus.PERMISSION_DENIED);

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

    /** Values an argument of this kind must refuse: wrong types, too big, injections, names that are no modem. */
    private static List<String> badValues(ArgSpec a) {
        List<String> out = new ArrayList<>(List.of("[\"wwan\"]", "{\"name\":\"wwan\"}", "\"" + "A".repeat(5_000) + "\""));
        if (a.type() == ArgType.INTEGER) {
            out.addAll(List.of("\"soon\"", "\"10\"", "true", "-1", "99999999999", "1.5"));
        } else if (!a.values().isEmpty()) {
            out.addAll(List.of("\"nuke\"", "3", "\"\"", "\"usb; reboot\""));
        } else if (a.name().equals("command")) {
            out.addAll(List.of("42", "\"AT\\r\\nAT+CFUN=0\"", "\"AT\\u001a\"", "\"AT\\u001b[2J\"", "\"AT" + "C".repeat(600) + "\"",
                    "\"AT+CFUN=0\"", "\"AT+QCFG=\\\"usbnet\\\",3\"", "\"AT+CLCK=\\\"SC\\\",1,\\\"1234\\\"\"", "\"AT+CPWD=\\\"SC\\\",\\\"1\\\",\\\"2\\\"\""));
        } else {
            out.addAll(List.of("42", "true", "\"wwan; reboot\"", "\"$(reboot)\"", "\"`id`\"", "\"../../etc/shadow\"",
                    "\"wwan\\nlte\""));
            if (a.required()) out.add("\"\"");
            if (a.pattern() == ArgSpec.SECTION_NAME) out.add("\"nosuch\"");
        }
        return out;
    }

    /** A valid value for every argument but {@code bad}, which gets {@code value}: only that one can be refused. */
    private static String argsWith(MethodSpec m, ArgSpec bad, String value) {
        StringBuilder b = new StringBuilder("{");
        for (ArgSpec a : m.args()) {
            String v = a == bad ? value : a.type() == ArgType.INTEGER ? "5" : !a.values().isEmpty() ? "\"" + a.values().get(0) + "\""
                    : a.name().equals("command") ? "\"ATI\"" : a.name().equals("subsystem") ? "\"usb\"" : "\"wwan\"";
            if (a != bad && !a.required()) continue;
            if (b.length() > 1) b.append(',');
            b.append('"').append(a.name()).append("\":").append(v);
        }
        return b.append('}').toString();
    }

    /** Every call that must be refused: each argument of each method bad in turn, and arguments that are no object. */
    private static List<String[]> badCalls(List<MethodSpec> methods) {
        List<String[]> out = new ArrayList<>();
        for (MethodSpec m : methods) {
            for (ArgSpec a : m.args()) for (String v : badValues(a)) out.add(new String[]{m.name(), argsWith(m, a, v)});
            for (String notAnObject : List.of("[]", "\"wwan\"", "42", "null", "{")) out.add(new String[]{m.name(), notAnObject});
        }
        out.add(new String[]{"no_such_method", "{}"});
        return out;
    }

    @Test
    void everyMethodAnswersGarbageCleanlyOverRealUbusAndNothingChanges() throws Exception {
        ow = OpenWrtPrefix.require("ubus fuzz");
        dir = Files.createTempDirectory("ltemodem-ubus-fuzz");
        Path conf = Files.createDirectories(dir.resolve("config"));
        Files.writeString(conf.resolve("network"), "config interface 'wwan'\n\toption proto 'ltemodem'\n\toption apn 'internet'\n");
        Files.writeString(conf.resolve("ltemodem"), "config ltemodem 'main'\n");
        sock = dir.resolve("ubus.sock");
        ubusd = ow.startUbusd(sock);
        ScaledClock clock = new ScaledClock(20);
        sim = SimModem.builder().persona("quectel-ec25").clock(clock).build().start();
        daemon = new Daemon(ConfigReader.forDirectory(conf),
                new SimModemFactory(clock, sim, EngineTimings.defaults(), Files.createDirectories(dir.resolve("usb/1-1")),
                        java.time.Clock.systemUTC()));
        assertEquals(List.of(), daemon.start());
        ApiDispatcher api = new ApiDispatcher(daemon);
        server = UbusServer.start(api, daemon, UbusServer.Settings.defaults().withSocket(sock.toString()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (daemon.status("wwan").state().kind() != StateKind.ONLINE && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(StateKind.ONLINE, daemon.status("wwan").state().kind());

        // From here on nothing may change: no step taken for the fuzz, no command from it on the modem.
        List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        daemon.addListener(new io.ltemodem.engine.EngineListener() {
            @Override
            public void onAction(String modem, String action, String reason, long at) {
                actions.add(action + " (" + reason + ")");
            }
        });
        int resets = sim.resetCount();
        List<Integer> sessions = sim.activeContexts();

        List<String> failures = new ArrayList<>();
        int calls = 0;
        String last = "";
        for (String[] call : badCalls(api.methods())) {
            String method = call[0];
            ProcessRunner.Result r = ow.run(15_000, "ubus", "-s", sock.toString(), "-t", "5", "call", "ltemodem", method, call[1]);
            calls++;
            // The CLI exits with minus the ubus status (-2: 254). It refuses what is no JSON object itself, before
            // anything is sent (PARSE_ERROR, "Parsing message data failed").
            int status = r.exitCode() > 128 ? 256 - r.exitCode() : r.exitCode();
            boolean cliRefused = status == UbusStatus.PARSE_ERROR && r.stderr().contains("Parsing message data failed");
            if (r.timedOut() || (!cliRefused && !CLEAN.contains(status))) {
                failures.add(method + " " + abbreviate(call[1]) + " -> exit " + r.exitCode() + " " + r.stderr().trim() + r.stdout().trim());
            }
            if (!method.equals(last)) {
                last = method;
                ProcessRunner.Result alive = ow.run(10_000, "ubus", "-s", sock.toString(), "-t", "5", "call", "ltemodem", "status",
                        "{\"modem\":\"wwan\"}");
                assertEquals(0, alive.exitCode(), "the daemon stopped answering during the fuzz of " + method + ": " + alive.stderr());
                assertEquals("online", JsonParser.parseString(alive.stdout()).getAsJsonObject().get("state").getAsString(),
                        "during the fuzz of " + method + "; steps taken: " + actions);
            }
        }
        // An argument no method knows is ignored, as blobmsg_parse does for every ubus object: answered, not acted on.
        ProcessRunner.Result unknownKey = ow.run(15_000, "ubus", "-s", sock.toString(), "-t", "5", "call", "ltemodem", "status",
                "{\"" + "k".repeat(300) + "\":1,\"modem\":\"wwan\"}");
        assertEquals(0, unknownKey.exitCode(), unknownKey.stderr());
        assertEquals(List.of(), failures, calls + " calls");
        assertEquals(List.of(), actions, "the daemon took no step");
        assertEquals(resets, sim.resetCount(), "no reset");
        assertEquals(sessions, sim.activeContexts(), "the data session untouched");
        for (String c : sim.commandLog()) {
            assertFalse(c.startsWith("AT+CFUN=0") || c.startsWith("AT+QCFG") || c.startsWith("AT+CLCK") || c.startsWith("ATC"),
                    "a fuzzed command reached the modem: " + c);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}

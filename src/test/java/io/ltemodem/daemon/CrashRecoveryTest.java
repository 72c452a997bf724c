package io.ltemodem.daemon;

import io.ltemodem.device.UsbCompositions;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import io.ltemodem.sys.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kill -9} of the real daemon ({@code ltemodem daemon} in a JVM of its own, as procd runs it) in the middle of
 * its work, against a simulated EC25 kept in this JVM behind a fake sysfs tree: the next daemon takes the modem as it
 * finds it — no reset, no second data session — and a PIN the SIM rejected before the crash is not sent again.
 */
class CrashRecoveryTest {
    private static final long REAL_MS = 60_000;
    private static final String PIN = "7361";

    @TempDir
    Path dir;
    private SimModem sim;
    private final List<Process> daemons = new ArrayList<>();
    private final List<String> logs = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : daemons) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (sim != null) sim.close();
    }

    /** The router: an EC25 (AT protocol) behind the tree, UCI files with one interface. */
    private SimModem.Builder router(String pincode) throws IOException {
        Path sys = dir.resolve("sys");
        UsbCompositions.quectelEc25Qmi(new FakeUsbTree(sys), "1-1");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("network"), """
                config interface 'wwan'
                	option proto 'ltemodem'
                	option apn 'internet'
                	option protocol 'at'
                """ + (pincode == null ? "" : "\toption pincode '" + pincode + "'\n"));
        Files.writeString(config.resolve("ltemodem"), "config ltemodem 'main'\n\toption sysfs_root '" + sys + "'\n"
                + "\toption poll_interval '2'\n");
        return SimModem.builder().persona("quectel-ec25").clock(Clock.SYSTEM).bootMillis(1_000).registrationDelayMillis(0)
                .portLink(Files.createDirectories(dir.resolve("dev")).resolve("ttyUSB2")).seed(5);
    }

    /** {@code ltemodem daemon} in its own JVM; its log (stderr) is collected line by line. */
    private Process daemon() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.ltemodem.Main", "daemon",
                "--config-dir", dir.resolve("config").toString(), "--dev-root", dir.resolve("dev").toString(),
                "--state-dir", dir.resolve("state").toString(), "--ubus-socket", dir.resolve("no-ubusd.sock").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        daemons.add(p);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) logs.add(daemons.size() + ": " + l);
            } catch (IOException ignored) {
                // the daemon is gone
            }
        }, "crash-test-log");
        t.setDaemon(true);
        t.start();
        return p;
    }

    private void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + REAL_MS * 1_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("not " + what + " within " + REAL_MS + " ms; daemon log:\n" + String.join("\n", logs));
            Thread.sleep(5);
        }
    }

    private boolean logged(int daemon, String text) {
        synchronized (logs) {
            return logs.stream().anyMatch(l -> l.startsWith(daemon + ": ") && l.contains(text));
        }
    }

    private long sent(String prefix) {
        return sim.commandLog().stream().filter(c -> c.startsWith(prefix)).count();
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no hang-up, nothing closed in order
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    @Test
    void killedMidConnectTheNextDaemonTakesTheSessionAsItIs() throws Exception {
        sim = router(null).build().start();
        Process first = daemon();
        await("the first daemon starting the session", () -> sent("AT+CGACT=1,1") == 1);
        kill9(first);
        int boots = sim.bootCount();
        int resets = sim.resetCount();

        daemon();
        await("the second daemon on line", () -> logged(2, "-> ONLINE"));
        Thread.sleep(3_000); // a few of its cycles (poll interval 2 s): nothing more may happen
        assertEquals(1, sent("AT+CGACT=1,1"), "no second activation: " + sim.commandLog());
        assertEquals(List.of(1), sim.activeContexts(), "one data session");
        assertEquals(boots, sim.bootCount(), "no reboot");
        assertEquals(resets, sim.resetCount(), "no reset");
        assertEquals(0, sent("AT+CFUN=1,1") + sent("AT+QPOWD"), "no reset command");
    }

    @Test
    void aPinRejectedBeforeTheCrashIsNotSentAgain() throws Exception {
        sim = router(PIN).simState(SimCardState.PIN).pin("9999").build().start();
        Process first = daemon();
        Path marker = dir.resolve("state/rejected-pins");
        await("the PIN rejected and remembered", () -> sim.pinAttempts() == 1 && Files.exists(marker));
        kill9(first);

        daemon();
        await("the second daemon asking for a person", () -> logged(2, "-> NEEDS_USER"));
        Thread.sleep(3_000);
        assertEquals(1, sim.pinAttempts(), "the rejected PIN was not tried again");
        assertFalse(Files.readString(marker).contains(PIN), "the marker holds no PIN");
        synchronized (logs) {
            assertTrue(logs.stream().noneMatch(l -> l.contains(PIN)), "the PIN is in no log line");
        }
    }
}

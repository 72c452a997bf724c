package io.ltemodem.at;

import io.ltemodem.sys.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The AT channel on real ptys, opened with jSerialComm exactly as a /dev/ttyUSB node would be. */
class AtChannelTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final BlockingQueue<String> urcs = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> closedEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> unresponsive = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) c.close();
    }

    private PtyPeer peer(java.util.function.Function<String, String> h) throws IOException {
        PtyPeer p = new PtyPeer(h);
        toClose.add(p);
        return p;
    }

    private AtChannel channel(PtyPeer peer) throws IOException {
        AtChannel ch = new AtChannel("test", Clock.SYSTEM, SerialAtPort::open, 3, 1_000);
        toClose.add(0, ch);
        ch.addListener(new AtChannelListener() {
            @Override public void onUrc(String line) { urcs.add(line); }
            @Override public void onClosed(String reason) { closedEvents.add(reason); }
            @Override public void onUnresponsive(int count) { unresponsive.add(count); }
        });
        AtResult init = ch.open(peer.path());
        assertTrue(init.ok(), "ATE0 answered: " + init);
        return ch;
    }

    /** A well-behaved modem with echo off for everything but what the test scripts. */
    private static String ok(String cmd) {
        return "\r\nOK\r\n";
    }

    @Test
    void informationLinesAndOk() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+CSQ") ? "\r\n+CSQ: 23,99\r\n\r\nOK\r\n" : ok(cmd));
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+CSQ");
        assertEquals(AtResult.Kind.OK, r.kind());
        assertEquals(List.of("+CSQ: 23,99"), r.lines());
        assertEquals(List.of("ATE0", "AT+CSQ"), p.received);
    }

    @Test
    void typedErrors() throws Exception {
        PtyPeer p = peer(cmd -> switch (cmd) {
            case "AT+CPIN?" -> "\r\n+CME ERROR: 10\r\n";
            case "AT+CIMI" -> "\r\n+CME ERROR: SIM busy\r\n";
            case "AT+CMGS=1" -> "\r\n+CMS ERROR: 500\r\n";
            case "ATD*99#" -> "\r\nCONNECT 150000000\r\n";
            case "ATH" -> "\r\nNO CARRIER\r\n";
            case "AT+FOO" -> "\r\nCOMMAND NOT SUPPORT\r\n";
            case "AT+BAR" -> "\r\nERROR\r\n";
            default -> ok(cmd);
        });
        AtChannel ch = channel(p);
        AtResult cpin = ch.send("AT+CPIN?");
        assertEquals(AtResult.Kind.CME_ERROR, cpin.kind());
        assertEquals(10, cpin.cme());
        AtResult busy = ch.send("AT+CIMI");
        assertTrue(busy.isCme(CmeError.SIM_BUSY), busy.toString());
        AtResult cms = ch.send("AT+CMGS=1");
        assertEquals(AtResult.Kind.CMS_ERROR, cms.kind());
        assertEquals(500, cms.cme());
        assertEquals(AtResult.Kind.CONNECT, ch.send("ATD*99#").kind());
        assertEquals(AtResult.Kind.NO_CARRIER, ch.send("ATH").kind());
        assertEquals(AtResult.Kind.NOT_SUPPORTED, ch.send("AT+FOO").kind());
        assertEquals(AtResult.Kind.ERROR, ch.send("AT+BAR").kind());
    }

    @Test
    void urcInsideResponseIsSplitOutAndResponseStaysIntact() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+CEREG?")
                ? "\r\n+CEREG: 2,1,\"1A2B\",\"01A2B3C\",7\r\n\r\n+CEREG: 1\r\n\r\n+CGEV: NW DEACT \"IP\",\"10.0.0.2\",1\r\n\r\nOK\r\n"
                : ok(cmd));
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+CEREG?");
        assertTrue(r.ok());
        assertEquals(List.of("+CEREG: 2,1,\"1A2B\",\"01A2B3C\",7"), r.lines());
        assertEquals("+CEREG: 1", urcs.poll(2, TimeUnit.SECONDS));
        assertEquals("+CGEV: NW DEACT \"IP\",\"10.0.0.2\",1", urcs.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void urcWithTacAndCellIsToldFromTheReadForm() throws Exception {
        // n=2 URC "+CEREG: 1,"1A2B","01A2B3C",7" has the same prefix but one field less than the read form.
        PtyPeer p = peer(cmd -> cmd.equals("AT+CEREG?")
                ? "\r\n+CEREG: 5,\"00C3\",\"0A1B2C3\",7\r\n+CEREG: 2,5,\"00C3\",\"0A1B2C3\",7\r\nOK\r\n"
                : ok(cmd));
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+CEREG?");
        assertEquals(List.of("+CEREG: 2,5,\"00C3\",\"0A1B2C3\",7"), r.lines());
        assertEquals("+CEREG: 5,\"00C3\",\"0A1B2C3\",7", urcs.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void urcsBeforeAndAfterResponsesAndWhileIdle() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+CFUN?") ? "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\nOK\r\n\r\n+CPIN: READY\r\n" : ok(cmd));
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+CFUN?");
        assertEquals(List.of("+CFUN: 1"), r.lines());
        assertEquals("RDY", urcs.poll(2, TimeUnit.SECONDS));
        assertEquals("+CPIN: READY", urcs.poll(2, TimeUnit.SECONDS));
        p.send("\r\nPOWERED DOWN\r\n");
        assertEquals("POWERED DOWN", urcs.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void echoIsTolerated() throws Exception {
        PtyPeer p = peer(cmd -> cmd + "\r\r\n" + (cmd.equals("AT+CGSN") ? "861234567890123\r\n\r\n" : "") + "OK\r\n");
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+CGSN");
        assertTrue(r.ok());
        assertEquals(List.of("861234567890123"), r.lines());
    }

    @Test
    void fragmentsAndBareCrGiveTheSameResultAsWhole() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+CGDCONT?")
                ? "\r+CGDCONT: 1,\"IPV4V6\",\"internet\",\"0.0.0.0\",0,0\r+CGDCONT: 2,\"IP\",\"ims\",\"\",0,0\r\rOK\r"
                : ok(cmd));
        AtChannel ch = channel(p);
        AtResult whole = ch.send("AT+CGDCONT?");
        p.fragment(3);
        AtResult pieces = ch.send("AT+CGDCONT?");
        p.fragment(1);
        AtResult bytes = ch.send("AT+CGDCONT?");
        assertTrue(whole.ok());
        assertEquals(2, whole.lines().size());
        assertEquals(whole, pieces);
        assertEquals(whole, bytes);
    }

    @Test
    void noReplyTimesOutAndRepeatedTimeoutsReportUnresponsive() throws Exception {
        AtomicInteger silent = new AtomicInteger(0);
        PtyPeer p = peer(cmd -> silent.get() > 0 ? null : ok(cmd));
        AtChannel ch = channel(p);
        silent.set(1);
        long t0 = System.nanoTime();
        AtResult r = ch.send(AtCommand.of("AT", 300));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(AtResult.Kind.TIMEOUT, r.kind());
        assertTrue(ms >= 290 && ms < 3_000, "deadline kept: " + ms + " ms");
        assertNull(unresponsive.poll(200, TimeUnit.MILLISECONDS), "one timeout is not yet unresponsive");
        ch.send(AtCommand.of("AT", 200));
        ch.send(AtCommand.of("AT", 200));
        assertEquals(3, unresponsive.poll(2, TimeUnit.SECONDS));
        silent.set(0);
        assertTrue(ch.send("AT").ok(), "answers again once the modem does");
    }

    @Test
    void aCommandSwallowedByABootingModemEndsSoonAfterRdyNotAtItsDeadline() throws Exception {
        AtomicInteger silent = new AtomicInteger(0);
        PtyPeer p = peer(cmd -> silent.get() > 0 ? null : ok(cmd));
        AtChannel ch = channel(p);
        silent.set(1);
        java.util.concurrent.CompletableFuture<AtResult> lost = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ch.send(AtCommand.of("AT", 5_000)));
        Thread.sleep(200);
        long t0 = System.nanoTime();
        p.send("\r\nRDY\r\n");
        AtResult r = lost.get(3, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(AtResult.Kind.TIMEOUT, r.kind());
        assertTrue(ms >= AtChannel.RESTART_GRACE_MS - 10 && ms < 1_000, "ended " + ms + " ms after RDY");
        assertEquals("RDY", urcs.poll(1, TimeUnit.SECONDS));
        silent.set(0);
        assertTrue(ch.send("AT").ok());
        assertNull(unresponsive.poll(100, TimeUnit.MILLISECONDS), "a restart is not a silent modem");
    }

    @Test
    void rdyDoesNotCutShortACommandTheModemIsAnswering() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+COPS=?") ? "\r\n+COPS: (1,\"A\",\"A\",\"26201\",7)\r\n" : ok(cmd));
        AtChannel ch = channel(p);
        java.util.concurrent.CompletableFuture<AtResult> scan = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ch.send(AtCommand.of("AT+COPS=?", 5_000)));
        Thread.sleep(200);
        p.send("\r\nRDY\r\n");
        Thread.sleep(AtChannel.RESTART_GRACE_MS * 3);
        p.send("\r\nOK\r\n");
        AtResult r = scan.get(3, TimeUnit.SECONDS);
        assertEquals(AtResult.Kind.OK, r.kind(), "heard from before the RDY: " + r);
    }

    @Test
    void garbageIsDroppedAndTheNextCommandGetsACleanResult() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+CFUN?") ? "\r\n+CFUN: 4\r\n\r\nOK\r\n" : ok(cmd));
        AtChannel ch = channel(p);
        p.sendBytes(new byte[]{(byte) 0xff, 0x01, (byte) 0x9c, 'x', '\r', '\n', (byte) 0xc3, 0x28, '\n', 'O', 'K'});
        Thread.sleep(50); // let it arrive before the command, as line noise would
        AtResult r = ch.send("AT+CFUN?");
        assertEquals(AtResult.Kind.OK, r.kind());
        assertEquals(List.of("+CFUN: 4"), r.lines());
        assertTrue(ch.noiseLines() >= 2, "noise counted: " + ch.noiseLines());
    }

    @Test
    void garbageInsideAResponseDoesNotCorruptIt() throws Exception {
        PtyPeer p = peer(cmd -> cmd.equals("AT+COPS?") ? "\r\n+COPS: 0,0,\"Telekom.de\",7\r\n\u0001\u00ff\u0002\r\n\r\nOK\r\n" : ok(cmd));
        AtChannel ch = channel(p);
        AtResult r = ch.send("AT+COPS?");
        assertEquals(List.of("+COPS: 0,0,\"Telekom.de\",7"), r.lines());
    }

    @Test
    void portVanishingRaisesClosedAndReopenWorksUnderANewPath() throws Exception {
        PtyPeer first = peer(PtyPeerResponses::okAll);
        AtChannel ch = channel(first);
        PtyPeer second = peer(PtyPeerResponses::okAll); // the re-enumerated node, made while the old one exists
        first.vanish();
        assertNotNull(closedEvents.poll(3, TimeUnit.SECONDS), "closed event");
        assertFalse(ch.isOpen());
        assertEquals(AtResult.Kind.CLOSED, ch.send("AT").kind());
        assertNotEquals(first.path(), second.path());
        assertTrue(ch.reopen(second.path()).ok(), "ATE0 on the new node");
        assertTrue(ch.send("AT").ok());
        assertEquals(second.path(), ch.path());
    }

    @Test
    void lossDuringACommandEndsItAsClosedNotTimeout() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        PtyPeer p = peer(cmd -> {
            if (cmd.equals("AT+COPS=?")) asked.countDown();
            return cmd.equals("AT+COPS=?") ? null : ok(cmd);
        });
        AtChannel ch = channel(p);
        Thread t = new Thread(() -> {
            try {
                asked.await(2, TimeUnit.SECONDS);
                p.vanish();
            } catch (InterruptedException ignored) {
            }
        });
        t.start();
        long t0 = System.nanoTime();
        AtResult r = ch.send(AtCommand.of("AT+COPS=?", 30_000));
        assertEquals(AtResult.Kind.CLOSED, r.kind());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000, "did not wait for the 30 s deadline");
        t.join();
    }

    @Test
    void oneCommandInFlightCallersQueue() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        PtyPeer p = peer(cmd -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
            }
            inFlight.decrementAndGet();
            return cmd.startsWith("AT+CSQ=") ? "\r\n+CSQ: " + cmd.substring(7) + ",99\r\n\r\nOK\r\n" : ok(cmd);
        });
        AtChannel ch = channel(p);
        List<Thread> threads = new ArrayList<>();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            final int n = i;
            Thread t = new Thread(() -> {
                for (int k = 0; k < 10; k++) {
                    String tag = n + "" + k;
                    AtResult r = ch.send("AT+CSQ=" + tag);
                    if (!r.ok() || !r.lines().equals(List.of("+CSQ: " + tag + ",99"))) errors.add(tag + " -> " + r);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join(20_000);
        assertEquals(List.of(), errors);
        assertEquals(1, maxInFlight.get());
        assertEquals(81, p.received.size());
    }

    @Test
    void portIsExclusive() throws Exception {
        PtyPeer p = peer(PtyPeerResponses::okAll);
        channel(p);
        AtChannel second = new AtChannel("second", Clock.SYSTEM, SerialAtPort::open, 3, 500);
        toClose.add(second);
        IOException e = assertThrows(IOException.class, () -> second.open(p.path()));
        assertTrue(e.getMessage().contains(p.path()), e.getMessage());
    }

    @Test
    void openingAMissingNodeFailsClearly() {
        AtChannel ch = new AtChannel("x", Clock.SYSTEM, SerialAtPort::open, 3, 500);
        toClose.add(ch);
        IOException e = assertThrows(IOException.class, () -> ch.open("/dev/ttyUSB-does-not-exist"));
        assertTrue(e.getMessage().contains("/dev/ttyUSB-does-not-exist"), e.getMessage());
    }

    @Test
    void urcStormIsDeliveredWithoutBlockingCommands() throws Exception {
        PtyPeer p = peer(PtyPeerResponses::okAll);
        AtChannel ch = channel(p);
        StringBuilder storm = new StringBuilder();
        for (int i = 0; i < 500; i++) storm.append("\r\n+CEREG: ").append(i % 2 == 0 ? 1 : 2).append("\r\n");
        p.send(storm.toString());
        assertTrue(ch.send("AT").ok());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (urcs.size() < 500 && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(500, urcs.size());
    }
}

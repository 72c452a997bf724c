package io.ltemodem.sim.qmi;

import io.ltemodem.sys.ManualClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The simulator's bytes against qmi-wire-log.txt: request frames real qmicli wrote, and the answers the
 * reference responder gave (which qmicli accepted). Same model state, same bytes.
 */
class QmuxWireTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // what, service, cid to hold, request (RX), expected answer (TX)
            "CTL allocate DMS (cid 3),   2, 2, 010f0000000000012200040001010002, 011700800000010122000c00020400000000000102000203",
            "DMS get IDs,                2, 3, 010c0000020300010025000000, 013200800203020100250026000204000000000010010030110f00383637393632303431323334353637120100301302003130",
            "CTL release DMS cid 3,      2, 3, 0110000000000002230005000102000203, 011700800000010223000c00020400000000000102000203",
            "DMS get operating mode,     2, 4, 010c000002040001002d000000, 011b008002040201002d000f00020400000000000101000011010000",
            "UIM get card status,       11, 3, 010c00000b030001002f000000, 013f00800b030201002f003300020400000000001029000000ffffffffffff010100000000010207020000000ca0000000871002ff49ff05890003030a01030a",
            "NAS get serving system,     3, 1, 010c0000030100010024000000, 01480080030102010024003c000204000000000001060001010102010810010001110200010b120f00060101000a54656c656b6f6d2e64651c0200ab001d04003c2b1a002402003412",
            "NAS get signal info,        3, 2, 010c000003020001004f000000, 011c008003020201004f00100002040000000000140600bff7a1ff7800",
            "WDS packet status,          1, 1, 010c0000010100010022000000, 01170080010102010022000b000204000000000001010001",
            "WDA get data format,       26, 1, 010c00001a0100010021000000, 012c00801a01020100210020000204000000000010010000110400020000001204000000000013040000000000",
            "DMS legacy PIN status,      2, 5, 010c000002050001002b000000, 011f008002050201002b0013000204000000000011030003030a12030001030a",
    })
    void answersAsInTheWireLog(String what, int service, int holdCids, String rx, String tx) throws Exception {
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(new ManualClock(0))).start()) {
            for (int i = 0; i < holdCids; i++) sim.pool(service).allocate();
            assertEquals(tx, Hex.of(sim.respond(Hex.parse(rx))), what);
        }
    }

    @Test
    void startNetworkAndCurrentSettingsMatchTheLog() throws Exception {
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(new ManualClock(0))).start()) {
            sim.pool(QmiServices.WDS).allocate();
            sim.pool(QmiServices.WDS).allocate();
            assertEquals("011a0080010202010020000e000204000000000001040078563412",
                    Hex.of(sim.respond(Hex.parse("011b0000010200010020000f0019010004140800696e7465726e6574"))));
            sim.pool(QmiServices.WDS).allocate();
            sim.pool(QmiServices.WDS).allocate();
            assertEquals("0141008001040201002d00350002040000000000150400d2d24a0a160400d3d24a0a1e0400432d7b0a200400442d7b0a"
                            + "210400f8ffffff290400dc0500002b010004",
                    Hex.of(sim.respond(Hex.parse("0113000001040001002d00070010040030e30000"))));
        }
    }

    @Test
    void decodeEncodeRoundTripsEveryFrameOfTheLog() {
        String[] frames = {
                "011700800000010122000c00020400000000000102000203",
                "013f00800b030201002f003300020400000000001029000000ffffffffffff010100000000010207020000000ca0000000871002ff49ff05890003030a01030a",
                "011f0000010800010020001300140800696e7465726e65741601000319010004",
                "0113000001060001002d00070010040034e30000",
        };
        for (String f : frames) assertEquals(f, Hex.of(QmuxMessage.decode(Hex.parse(f)).encode()));
        QmuxMessage m = QmuxMessage.decode(Hex.parse("011f0000010800010020001300140800696e7465726e65741601000319010004"));
        assertEquals(QmiServices.WDS, m.service());
        assertEquals(8, m.clientId());
        assertEquals(1, m.txn());
        assertEquals(0x0020, m.msgId());
        assertEquals("internet", m.tlv(0x14).text());
        assertEquals(3, m.tlv(0x16).u8(0));
    }

    @Test
    void serviceTransactionIdsAreTwoBytesAndEchoed() throws Exception {
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(new ManualClock(0))).start()) {
            sim.pool(QmiServices.DMS).allocate();
            QmuxMessage req = new QmuxMessage(0, QmiServices.DMS, 1, 0, 0x1234, 0x0025, List.of());
            QmuxMessage resp = QmuxMessage.decode(sim.respond(req.encode()));
            assertEquals(0x1234, resp.txn());
            assertEquals(0x80, resp.qmuxFlags());
            assertEquals(QmuxMessage.SERVICE_RESPONSE, resp.sduFlags());
        }
    }

    @Test
    void malformedFramesAreRejectedNotCrashing() {
        for (String bad : new String[]{"01", "010c00", "010f00000000000122000400010100", "02", "010c0000020300010025000100"}) {
            assertThrows(IllegalArgumentException.class, () -> QmuxMessage.decode(Hex.parse(bad)), bad);
        }
    }

    @Test
    void readerReassemblesSplitAndGluedFramesAndSkipsGarbage() {
        byte[] a = Hex.parse("010f0000000000012200040001010002");
        byte[] b = Hex.parse("010c0000020300010025000000");
        byte[] stream = QmuxFrameReader.concat(Hex.parse("ff00"), a, b);
        QmuxFrameReader r = new QmuxFrameReader();
        List<String> got = new ArrayList<>();
        for (int i = 0; i < stream.length; i += 3) {
            byte[] chunk = java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 3));
            r.feed(chunk, chunk.length);
            byte[] f;
            while ((f = r.next()) != null) got.add(Hex.of(f));
        }
        assertEquals(List.of(Hex.of(a), Hex.of(b)), got);
        assertEquals(2, r.skipped());
    }

    @Test
    void cidPoolRunsOutAndComesBack() {
        CidPool p = new CidPool(3);
        assertEquals(1, p.allocate());
        assertEquals(2, p.allocate());
        assertEquals(3, p.allocate());
        assertEquals(-1, p.allocate());
        assertTrue(p.release(2));
        assertFalse(p.release(2));
        assertEquals(2, p.allocate());
        p.releaseAll();
        assertEquals(0, p.inUse());
    }

    @Test
    void exhaustedPoolAnswersClientIdsExhausted() throws Exception {
        try (QmiSimulator sim = QmiSimulator.builder(new SimpleQmiModel(new ManualClock(0))).cidPoolSize(1).start()) {
            byte[] alloc = Hex.parse("010f0000000000012200040001010001");
            assertEquals("011700800000010122000c00020400000000000102000101", Hex.of(sim.respond(alloc)));
            // status 1 (failure), error 5 (ClientIdsExhausted), no allocation TLV
            assertEquals("01120080000001012200070002040001000500", Hex.of(sim.respond(alloc)));
        }
    }
}

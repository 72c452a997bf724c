package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.sim.qmi.Hex;
import io.ltemodem.sys.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The MBIM codec and the simulator's answers at the byte level, without any tool. */
class MbimWireTest {
    private static final String OPEN_1 = "01000000100000000100000000100000";

    private static MbimSimulator sim(MbimModemModel m) throws Exception {
        return MbimSimulator.builder(m).clock(new ManualClock(0)).start();
    }

    private static SimpleMbimModel model() {
        return new SimpleMbimModel(new ManualClock(0));
    }

    private static MbimMessage query(MbimSimulator sim, int trid, int cid, byte[] info) throws Exception {
        return MbimMessage.decode(sim.respond(MbimMessage.command(trid, BasicConnect.UUID, cid, MbimMessage.QUERY, info)));
    }

    @Test
    void openIsWhatMbimcliWritesFirstAndIsAnsweredWithItsTransactionId() throws Exception {
        // OPEN, length 16, transaction 1, MaxControlTransfer 4096 (the size libmbim falls back to on a pty).
        assertEquals(OPEN_1, Hex.of(MbimMessage.open(1, 4096)));
        try (MbimSimulator sim = sim(model())) {
            assertEquals("01000080100000000100000000000000", Hex.of(sim.respond(Hex.parse(OPEN_1))));
            assertTrue(sim.isOpen());
            assertEquals("02000080100000000700000000000000", Hex.of(sim.respond(MbimMessage.close(7))));
            assertFalse(sim.isOpen());
        }
    }

    @Test
    void aCommandOutsideASessionIsNotOpened() throws Exception {
        try (MbimSimulator sim = sim(model())) {
            MbimMessage m = query(sim, 5, BasicConnect.RADIO_STATE, new byte[0]);
            assertEquals(MbimMessage.FUNCTION_ERROR, m.type());
            assertEquals(5, m.transactionId());
            assertEquals(MbimMessage.ERROR_NOT_OPENED, m.status());
        }
    }

    @Test
    void radioStateAnswer() throws Exception {
        try (MbimSimulator sim = sim(model())) {
            sim.respond(MbimMessage.open(1, 4096));
            MbimMessage m = query(sim, 2, BasicConnect.RADIO_STATE, new byte[0]);
            assertEquals(MbimMessage.COMMAND_DONE, m.type());
            assertEquals(2, m.transactionId());
            assertArrayEquals(BasicConnect.UUID, m.serviceId());
            assertEquals(0, m.status());
            assertEquals("0100000001000000", Hex.of(m.info()), "hardware on, software on");
        }
    }

    @Test
    void unknownCidsAndOtherServicesAreNoDeviceSupport() throws Exception {
        try (MbimSimulator sim = sim(model())) {
            sim.respond(MbimMessage.open(1, 4096));
            assertEquals(MbimStatus.NO_DEVICE_SUPPORT.code(), query(sim, 2, BasicConnect.DEVICE_CAPS, new byte[0]).status());
            byte[] other = BasicConnect.uuid("e550a0c8-5e82-479e-82f7-10abf4c3351f");
            MbimMessage m = MbimMessage.decode(sim.respond(MbimMessage.command(3, other, 1, MbimMessage.QUERY, new byte[0])));
            assertEquals(MbimStatus.NO_DEVICE_SUPPORT.code(), m.status());
            assertArrayEquals(other, m.serviceId());
        }
    }

    @Test
    void anUnreadableBufferIsInvalidParameters() throws Exception {
        try (MbimSimulator sim = sim(model())) {
            sim.respond(MbimMessage.open(1, 4096));
            // PIN set whose PIN string points outside the buffer.
            byte[] bad = new InfoBufferWriter().u32(2).u32(0).u32(400).u32(8).u32(0).u32(0).toBytes();
            MbimMessage m = MbimMessage.decode(sim.respond(MbimMessage.command(2, BasicConnect.UUID, BasicConnect.PIN, MbimMessage.SET, bad)));
            assertEquals(MbimStatus.INVALID_PARAMETERS.code(), m.status());
        }
    }

    @Test
    void connectCarriesTheCredentialsAndIpConfigurationTheAddresses() throws Exception {
        SimpleMbimModel model = model();
        try (MbimSimulator sim = sim(model)) {
            sim.respond(MbimMessage.open(1, 4096));
            byte[] connect = new InfoBufferWriter().u32(0).u32(1).string("internet").string("user").string("pa55")
                    .u32(0).u32(1).u32(1).uuid(BasicConnect.CONTEXT_INTERNET).toBytes();
            MbimMessage c = MbimMessage.decode(sim.respond(MbimMessage.command(2, BasicConnect.UUID, BasicConnect.CONNECT, MbimMessage.SET, connect)));
            assertEquals(0, c.status());
            InfoBufferReader r = new InfoBufferReader(c.info());
            assertEquals(1, r.u32(4), "activated");
            assertArrayEquals(BasicConnect.CONTEXT_INTERNET, r.uuid(16));
            assertEquals("internet", model.lastConnect().accessString());
            assertEquals("user", model.lastConnect().username());
            assertEquals("pa55", model.lastConnect().password());
            assertEquals(1, model.lastConnect().auth());
            assertFalse(model.lastConnect().toString().contains("pa55"));

            MbimMessage ip = query(sim, 3, BasicConnect.IP_CONFIGURATION, new InfoBufferWriter().u32(0).toBytes());
            InfoBufferReader in = new InfoBufferReader(ip.info());
            assertEquals(0xF, in.u32(4), "IPv4: address, gateway, dns, mtu");
            assertEquals(0, in.u32(8), "no IPv6");
            assertEquals(1, in.u32(12));
            int elements = in.u32(16);
            assertEquals(29, in.u32(elements));
            assertEquals("0a7b2d43", Hex.of(Arrays.copyOfRange(ip.info(), elements + 4, elements + 8)), "10.123.45.67");
            assertEquals(2, in.u32(36), "two DNS servers");
            assertEquals(1500, in.u32(52));
        }
    }

    @Test
    void stringsAreUtf16PaddedToFourBytes() {
        byte[] b = new InfoBufferWriter().u32(7).string("abc").string("").string("d").toBytes();
        InfoBufferReader r = new InfoBufferReader(b);
        assertEquals(7, r.u32(0));
        assertEquals("abc", r.string(4));
        assertEquals("", r.string(12));
        assertEquals("d", r.string(20));
        assertEquals(28, r.u32(4), "data starts after the fixed part");
        assertEquals(6, r.u32(8), "length in bytes, without padding");
        assertEquals(36, r.u32(20), "the next string starts on a 4-byte boundary");
        assertEquals(0, b.length % 4);
        assertThrows(IllegalArgumentException.class, () -> r.string(24));
    }

    @Test
    void messagesRoundTripAndBrokenOnesAreRejected() {
        byte[] cmd = MbimMessage.command(9, BasicConnect.UUID, BasicConnect.CONNECT, MbimMessage.SET, new byte[]{1, 2, 3, 4});
        MbimMessage m = MbimMessage.decode(cmd);
        assertEquals(9, m.transactionId());
        assertEquals(BasicConnect.CONNECT, m.cid());
        assertEquals(MbimMessage.SET, m.commandType());
        assertArrayEquals(new byte[]{1, 2, 3, 4}, m.info());
        assertThrows(IllegalArgumentException.class, () -> MbimMessage.decode(Arrays.copyOf(cmd, cmd.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> MbimMessage.decode(new byte[5]));
        byte[] lies = cmd.clone();
        lies[44] = 99; // buffer length
        assertThrows(IllegalArgumentException.class, () -> MbimMessage.decode(lies));
        MbimMessage ind = MbimMessage.decode(MbimMessage.indicateStatus(BasicConnect.UUID, BasicConnect.CONNECT, new byte[8]));
        assertEquals(MbimMessage.INDICATE_STATUS, ind.type());
        assertEquals(0, ind.transactionId());
        assertEquals(8, ind.info().length);
    }

    @Test
    void theFrameReaderJoinsPiecesAndSkipsGarbage() {
        MbimFrameReader r = new MbimFrameReader();
        byte[] a = MbimMessage.open(1, 4096);
        byte[] b = MbimMessage.close(2);
        byte[] garbage = {(byte) 0xde, (byte) 0xad, 0x00, 0x7f, 0x7f};
        byte[] stream = new byte[garbage.length + a.length + b.length];
        System.arraycopy(garbage, 0, stream, 0, garbage.length);
        System.arraycopy(a, 0, stream, garbage.length, a.length);
        System.arraycopy(b, 0, stream, garbage.length + a.length, b.length);
        for (int i = 0; i < stream.length; i += 3) {
            byte[] piece = Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 3));
            r.feed(piece, piece.length);
        }
        assertArrayEquals(a, r.next());
        assertArrayEquals(b, r.next());
        assertNull(r.next());
        assertEquals(garbage.length, r.skipped());
    }

    @Test
    void indicationsFollowTheModelWhileASessionIsOpen() throws Exception {
        SimpleMbimModel model = model();
        try (MbimSimulator sim = MbimSimulator.builder(model).clock(new ManualClock(0)).indications(true).start()) {
            sim.respond(MbimMessage.open(1, 4096));
            byte[] connect = new InfoBufferWriter().u32(0).u32(1).string("internet").string("").string("")
                    .u32(0).u32(0).u32(1).uuid(BasicConnect.CONTEXT_INTERNET).toBytes();
            sim.respond(MbimMessage.command(2, BasicConnect.UUID, BasicConnect.CONNECT, MbimMessage.SET, connect));
            model.networkDisconnect(0);
            long until = System.nanoTime() + 5_000_000_000L;
            while (sim.wireLog().stream().noneMatch(l -> l.startsWith("TX INDICATE_STATUS trid=0 cid=12")) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            List<String> log = sim.wireLog();
            assertTrue(log.stream().anyMatch(l -> l.startsWith("TX INDICATE_STATUS trid=0 cid=12")), log.toString());
        }
    }
}

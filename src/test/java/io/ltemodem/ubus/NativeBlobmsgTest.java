package io.ltemodem.ubus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pure-Java codec against libubox itself: the same calls give the same bytes, libubox's JSON parser gives the
 * same bytes as ours, and libubox formats our bytes back into the same JSON. Needs {@code LTEMODEM_OPENWRT_PREFIX}.
 */
class NativeBlobmsgTest {
    @BeforeAll
    static void libs() {
        OpenWrtPrefix.require("ubus");
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void reimplementedInlineHelpersMatchTheJavaWriterByteForByte() {
        BlobmsgWriter j = new BlobmsgWriter();
        try (NativeBlobBuf n = new NativeBlobBuf(0)) {
            j.putString("modem", "wwan");
            n.addString("modem", "wwan");
            j.putString("", "");
            n.addString("", "");
            j.putString("ünï", "Grüße ✓");
            n.addString("ünï", "Grüße ✓");
            j.putU8("u8", 0xab);
            n.addU8("u8", 0xab);
            j.putBool("ok", true);
            n.addBool("ok", true);
            j.putU16("u16", 0xbeef);
            n.addU16("u16", 0xbeef);
            j.putU32("u32", 0x01020304);
            n.addU32("u32", 0x01020304);
            j.putU64("u64", 0x0102030405060708L);
            n.addU64("u64", 0x0102030405060708L);
            j.putDouble("d", -10.5);
            n.addDouble("d", -10.5);
            j.openTable("t");
            Pointer t = n.openTable("t");
            j.openArray("a");
            Pointer a = n.openArray("a");
            j.putU32("", 1);
            n.addU32("", 1);
            j.openTable("");
            Pointer t2 = n.openTable("");
            j.close();
            n.close(t2);
            j.close();
            n.close(a);
            j.openTable("empty").close();
            n.close(n.openTable("empty"));
            j.close();
            n.close(t);
            assertEquals(hex(n.bytes()), hex(j.toByteArray()));
        }
    }

    @Test
    void libuboxJsonParserAndOursProduceTheSameBlob() {
        String json = "{\"modem\":\"wwan\",\"timeout\":30,\"big\":5000000000,\"d\":1.5,\"t\":true,\"f\":false,"
                + "\"n\":null,\"nested\":{\"list\":[1,\"two\",[],{\"x\":-1}],\"e\":{}},\"ubus_rpc_session\":\"abc\"}";
        try (NativeBlobBuf n = new NativeBlobBuf(0)) {
            assertTrue(n.addJson(json));
            byte[] ours = Blobmsg.encode(JsonParser.parseString(json).getAsJsonObject());
            assertEquals(hex(n.bytes()), hex(ours));
        }
    }

    @Test
    void libuboxFormatsOurBytesBackIntoTheSameJson() {
        JsonObject o = JsonParser.parseString("{\"state\":\"online\",\"signal\":{\"rsrp\":-90,\"rsrq\":-10.5,\"bars\":4},"
                + "\"dns\":[\"10.0.0.1\",\"10.0.0.2\"],\"up\":true,\"big\":-5000000000}").getAsJsonObject();
        byte[] b = Blobmsg.encode(o);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        String formatted = NativeBlobBuf.formatJson(m);
        assertEquals(o, JsonParser.parseString(formatted).getAsJsonObject(), formatted);
    }

    @Test
    void libuboxPolicyParserFindsOurFields() {
        byte[] b = Blobmsg.encode(JsonParser.parseString("{\"ubus_rpc_session\":\"x\",\"modem\":\"wwan\",\"timeout\":7}").getAsJsonObject());
        Memory msg = new Memory(b.length);
        msg.write(0, b, 0, b.length);
        UbusStructs.BlobmsgPolicy[] policy = (UbusStructs.BlobmsgPolicy[]) new UbusStructs.BlobmsgPolicy().toArray(2);
        Memory n1 = new Memory(6);
        n1.setString(0, "modem");
        Memory n2 = new Memory(8);
        n2.setString(0, "timeout");
        policy[0].name = n1;
        policy[0].type = BlobmsgType.STRING.id();
        policy[1].name = n2;
        policy[1].type = BlobmsgType.INT32.id();
        policy[0].write();
        policy[1].write();
        Memory tb = new Memory(2L * com.sun.jna.Native.POINTER_SIZE);
        tb.clear();
        int rc = OpenWrtLibraries.ubox().blobmsg_parse(policy[0].getPointer(), 2, tb, msg.share(4), b.length - 4);
        assertEquals(0, rc);
        Pointer modem = tb.getPointer(0);
        Pointer timeout = tb.getPointer(com.sun.jna.Native.POINTER_SIZE);
        assertNotNull(modem);
        assertNotNull(timeout);
        // blobmsg_get_string: data after the 4-byte header and the padded name header ("modem" -> 8)
        assertEquals("wwan", modem.getString(4 + Blob.blobmsgHeaderLen(5)));
    }
}

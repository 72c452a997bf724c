package io.ltemodem.ubus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.*;

class BlobmsgTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void boolMatchesTheRealUbusTrace() {
        // From `ubus call demo status` (reference/ubus-abi.md §6): DATA { BOOL "ok" = 1 }.
        byte[] b = Blobmsg.encode(json("{\"ok\":true}"));
        assertEquals("00000014 8700000d 00026f6b 00000000 01000000".replace(" ", ""), HEX.formatHex(b));
        assertEquals(json("{\"ok\":true}"), Blobmsg.decode(b));
    }

    @Test
    void nestedTableMatchesTheRealSignatureTrace() {
        // SIGNATURE of the demo object: "echo": { "msg": INT32 3 } (table 0x1c bytes, member 0x10 bytes).
        byte[] b = new BlobmsgWriter().openTable("echo").putU32("msg", 3).close().toByteArray();
        assertEquals("00000020 8200001c 00046563 686f0000 85000010 00036d73 67000000 00000003".replace(" ", ""),
                HEX.formatHex(b));
    }

    @Test
    void numbersAreBigEndian() {
        byte[] b = new BlobmsgWriter().putU32("", 0x01020304).putU64("", 0x0102030405060708L).putU16("", 0x0a0b)
                .putDouble("", 1.0).toByteArray();
        String h = HEX.formatHex(b);
        assertTrue(h.contains("0000000001020304"), h);
        assertTrue(h.contains("0102030405060708"), h);
        assertTrue(h.contains("0a0b"), h);
        assertTrue(h.contains("3ff0000000000000"), h);
    }

    @Test
    void attributesArePaddedWithZerosAndLengthsExcludePadding() {
        byte[] b = new BlobmsgWriter().putString("a", "xyz12").putString("bc", "").toByteArray();
        // "a": 4 + hdr(2+1+1 -> 4) + "xyz12\0"(6) = 14 = 0x0e, padded to 16.
        assertEquals("8300000e", HEX.formatHex(b, 4, 8));
        assertEquals("0000", HEX.formatHex(b, 18, 20), "padding is zero");
        // "bc": 4 + hdr(2+2+1 -> 8) + "\0" = 13, padded to 16; root = 4 + 16 + 16.
        assertEquals("8300000d", HEX.formatHex(b, 20, 24));
        assertEquals(36, b.length);
        assertEquals(36, Blob.rawLen(Blob.readIdLen(b, 0)));
    }

    @Test
    void everyTypeRoundTrips() {
        JsonObject o = json("""
                {"s":"wwan","empty":"","u":"Grüße ✓","i":-7,"big":5000000000,"neg":-5000000000,"max":2147483647,
                 "d":-10.5,"t":true,"f":false,"n":null,
                 "tbl":{"a":{"b":{"c":[1,"two",{"three":3.25},[],{}]}}},"arr":[[[]]],"et":{}}""");
        byte[] b = Blobmsg.encode(o);
        assertEquals(o, Blobmsg.decode(b));
        assertEquals(0, b.length % 4);
    }

    @Test
    void integerWidthsFollowBlobmsgJson() {
        byte[] small = Blobmsg.encode(json("{\"v\":1}"));
        assertEquals(BlobmsgType.INT32.id(), Blob.id(Blob.readIdLen(small, 4)));
        byte[] big = Blobmsg.encode(json("{\"v\":4294967296}"));
        assertEquals(BlobmsgType.INT64.id(), Blob.id(Blob.readIdLen(big, 4)));
        byte[] dbl = Blobmsg.encode(json("{\"v\":1.0}"));
        assertEquals(BlobmsgType.DOUBLE.id(), Blob.id(Blob.readIdLen(dbl, 4)));
        JsonObject built = new JsonObject();
        built.addProperty("v", 12);
        assertEquals(BlobmsgType.INT32.id(), Blob.id(Blob.readIdLen(Blobmsg.encode(built), 4)));
    }

    @Test
    void decodesInt16AndInt8AsLibuboxFormatsThem() {
        byte[] b = new BlobmsgWriter().putU16("h", 0xfffe).putU8("b", 5).putU8("z", 0).toByteArray();
        assertEquals(json("{\"h\":-2,\"b\":true,\"z\":false}"), Blobmsg.decode(b));
    }

    @Test
    void arrayMemberNamesAreIgnored() {
        byte[] b = new BlobmsgWriter().openArray("a").putString("x", "1").putString("y", "2").close().toByteArray();
        assertEquals(json("{\"a\":[\"1\",\"2\"]}"), Blobmsg.decode(b));
    }

    @Test
    void rootIdIsIgnoredOnDecode() {
        byte[] b = new BlobmsgWriter(7).putString("modem", "wwan").toByteArray();
        assertEquals(0x07, b[0]);
        assertEquals(json("{\"modem\":\"wwan\"}"), Blobmsg.decode(b));
    }

    @Test
    void unclosedContainersAreAProgrammingError() {
        BlobmsgWriter w = new BlobmsgWriter().openTable("t");
        assertThrows(IllegalStateException.class, w::toByteArray);
        assertThrows(IllegalStateException.class, () -> new BlobmsgWriter().close());
        assertThrows(BlobmsgException.class, () -> new BlobmsgWriter().putString("s", "a\0b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                                             // no header
            "000000",                                       // short header
            "00000003",                                     // root shorter than its header
            "00000010 83000008",                            // root longer than the buffer
            "00000008 83000008",                            // member claims 8 bytes, 4 left
            "0000000c 83000003 00000000",                   // member shorter than its header
            "0000000c 03000008 00000000",                   // plain attr where blobmsg is required
            "0000000c 89000008 00000000",                   // unknown type 9
            "0000000c ff000008 00000000",                   // unknown type 127
            "0000000c 83000006 00000000",                   // no room for the name header
            "0000000c 83000008 00090000",                   // name overruns the attribute
            "00000010 8300000c 00016178 00000000",          // name not NUL-terminated ("a" then 'x')
            "00000010 8300000c 00016100 41424344",          // string not NUL-terminated
            "00000010 8300000c 00016100 41004300",          // string with an inner NUL
            "00000010 8500000b 00016100 010203",            // int32 of 3 bytes
            "00000014 84000010 00016100 00000001 00000002 ", // int64 of 8 bytes: fine... followed by nothing
            "00000010 8700000a 00016100 0102",              // bool of 2 bytes
            "00000010 8000000c 00016100 00000000",          // null with a value
            "0000000e 80000008 00016100 0000",              // two stray bytes after a member
    })
    void malformedInputIsACleanError(String h) {
        byte[] b = hex(h);
        if (h.startsWith("00000014 84000010")) {
            assertEquals(json("{\"a\":4294967298}"), Blobmsg.decode(b)); // control row: well-formed
            return;
        }
        BlobmsgException e = assertThrows(BlobmsgException.class, () -> Blobmsg.decode(b), h);
        assertNotNull(e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        BlobmsgWriter w = new BlobmsgWriter();
        for (int i = 0; i < 100; i++) w.openArray("");
        for (int i = 0; i < 100; i++) w.close();
        byte[] b = w.toByteArray();
        assertThrows(BlobmsgException.class, () -> Blobmsg.decode(b));
    }

    @Test
    void aTruncatedRealMessageIsRefusedAtEveryLength() {
        byte[] full = Blobmsg.encode(json("{\"modem\":\"wwan\",\"t\":{\"a\":[1,2,3]},\"ubus_rpc_session\":\"abc\"}"));
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            int finalCut = cut;
            assertThrows(BlobmsgException.class, () -> Blobmsg.decode(part), "cut at " + finalCut);
        }
        // and a corrupted length in the middle is caught, not read past
        for (int i = 4; i < full.length; i += 4) {
            byte[] bad = full.clone();
            bad[i + 1] = (byte) 0x7f;
            try {
                Blobmsg.decode(bad);
            } catch (BlobmsgException expected) {
                // fine: either refused or (if the byte was inside a value) decoded to something else
            }
        }
    }
}

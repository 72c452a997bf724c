package io.ltemodem.ubus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON ↔ blobmsg in pure Java, with the same type choices as libubox's {@code blobmsg_json}: strings → STRING,
 * booleans → BOOL, integers → INT32 when they fit and INT64 otherwise, other numbers → DOUBLE, null → UNSPEC,
 * arrays → ARRAY, objects → TABLE. Decoding accepts every blobmsg type (INT16/INT8 too) and rejects malformed input
 * with a {@link BlobmsgException} that says where: a buffer from a peer is never trusted.
 */
public final class Blobmsg {
    /** Deeper nesting than any legitimate call needs; guards the recursion against hostile input. */
    public static final int MAX_DEPTH = 32;

    private Blobmsg() {
    }

    /** The object as a complete blob buffer (root id 0), ready for {@code ubus_send_reply}. */
    public static byte[] encode(JsonObject o) {
        BlobmsgWriter w = new BlobmsgWriter();
        writeMembers(w, o, 0);
        return w.toByteArray();
    }

    private static void writeMembers(BlobmsgWriter w, JsonObject o, int depth) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) write(w, e.getKey(), e.getValue(), depth);
    }

    private static void write(BlobmsgWriter w, String name, JsonElement v, int depth) {
        if (depth > MAX_DEPTH) throw new BlobmsgException("nesting deeper than " + MAX_DEPTH);
        if (v == null || v.isJsonNull()) {
            w.putNull(name);
        } else if (v.isJsonObject()) {
            w.openTable(name);
            writeMembers(w, v.getAsJsonObject(), depth + 1);
            w.close();
        } else if (v.isJsonArray()) {
            w.openArray(name);
            for (JsonElement e : v.getAsJsonArray()) write(w, "", e, depth + 1);
            w.close();
        } else {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                w.putBool(name, p.getAsBoolean());
            } else if (p.isNumber()) {
                writeNumber(w, name, p);
            } else {
                w.putString(name, p.getAsString());
            }
        }
    }

    private static void writeNumber(BlobmsgWriter w, String name, JsonPrimitive p) {
        String text = p.getAsString();
        boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0
                && !text.equals("NaN") && !text.contains("Infinity");
        if (integral) {
            try {
                long l = new BigDecimal(text).longValueExact();
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) w.putU32(name, (int) l);
                else w.putU64(name, l);
                return;
            } catch (ArithmeticException | NumberFormatException e) {
                // beyond 64 bits: json-c makes it a double as well
            }
        }
        w.putDouble(name, p.getAsDouble());
    }

    /** Decodes a complete attribute (header + blobmsg members) into an object; the root's own id is ignored. */
    public static JsonObject decode(byte[] attr) {
        if (attr.length < Blob.HEADER) throw new BlobmsgException("buffer of " + attr.length + " bytes has no blob header");
        int raw = Blob.rawLen(Blob.readIdLen(attr, 0));
        if (raw < Blob.HEADER) throw new BlobmsgException("root length " + raw + " is shorter than its header");
        if (raw > attr.length) throw new BlobmsgException("root claims " + raw + " bytes, buffer has " + attr.length);
        return decodeMembers(attr, Blob.HEADER, raw - Blob.HEADER);
    }

    /** Decodes {@code len} bytes of concatenated blobmsg attributes starting at {@code off} as a table. */
    public static JsonObject decodeMembers(byte[] b, int off, int len) {
        return (JsonObject) container(b, off, len, false, 0);
    }

    private static JsonElement container(byte[] b, int off, int len, boolean array, int depth) {
        if (depth > MAX_DEPTH) throw new BlobmsgException("nesting deeper than " + MAX_DEPTH);
        JsonObject table = array ? null : new JsonObject();
        JsonArray list = array ? new JsonArray() : null;
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int left = end - pos;
            if (left < Blob.HEADER) throw new BlobmsgException(left + " stray byte(s) at offset " + pos);
            int idLen = Blob.readIdLen(b, pos);
            int raw = Blob.rawLen(idLen);
            if (raw < Blob.HEADER) throw new BlobmsgException("attribute at offset " + pos + " has length " + raw);
            if (raw > left) {
                throw new BlobmsgException("attribute at offset " + pos + " claims " + raw + " bytes, only " + left + " left");
            }
            if (!Blob.extended(idLen)) {
                throw new BlobmsgException("attribute at offset " + pos + " is not a blobmsg attribute (no name header)");
            }
            int type = Blob.id(idLen);
            BlobmsgType t = BlobmsgType.of(type);
            if (t == null) throw new BlobmsgException("attribute at offset " + pos + " has unknown blobmsg type " + type);
            int payload = raw - Blob.HEADER;
            if (payload < 2) throw new BlobmsgException("attribute at offset " + pos + " has no name header");
            int nameLen = ((b[pos + 4] & 0xff) << 8) | (b[pos + 5] & 0xff);
            int hdr = Blob.blobmsgHeaderLen(nameLen);
            if (hdr > payload) {
                throw new BlobmsgException("attribute at offset " + pos + ": name of " + nameLen + " bytes overruns the attribute");
            }
            if (b[pos + 6 + nameLen] != 0) throw new BlobmsgException("attribute at offset " + pos + ": name is not NUL-terminated");
            String name = new String(b, pos + 6, nameLen, StandardCharsets.UTF_8);
            int vOff = pos + Blob.HEADER + hdr;
            int vLen = payload - hdr;
            JsonElement value = value(b, vOff, vLen, t, name, depth);
            if (array) list.add(value);
            else table.add(name, value);
            pos += Math.min(Blob.pad(raw), left);
        }
        return array ? list : table;
    }

    private static JsonElement value(byte[] b, int off, int len, BlobmsgType t, String name, int depth) {
        return switch (t) {
            case UNSPEC -> {
                if (len != 0) throw bad(name, "null with a " + len + "-byte value");
                yield JsonNull.INSTANCE;
            }
            case TABLE -> container(b, off, len, false, depth + 1);
            case ARRAY -> container(b, off, len, true, depth + 1);
            case STRING -> {
                if (len < 1 || b[off + len - 1] != 0) throw bad(name, "string is not NUL-terminated");
                for (int i = off; i < off + len - 1; i++) if (b[i] == 0) throw bad(name, "string contains a NUL character");
                yield new JsonPrimitive(new String(b, off, len - 1, StandardCharsets.UTF_8));
            }
            case INT64 -> {
                need(name, len, 8, "int64");
                long v = 0;
                for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
                yield new JsonPrimitive(v);
            }
            case INT32 -> {
                need(name, len, 4, "int32");
                yield new JsonPrimitive(Blob.readIdLen(b, off));
            }
            case INT16 -> {
                need(name, len, 2, "int16");
                yield new JsonPrimitive((short) (((b[off] & 0xff) << 8) | (b[off + 1] & 0xff)));
            }
            case INT8 -> {
                need(name, len, 1, "bool/int8");
                yield new JsonPrimitive(b[off] != 0);
            }
            case DOUBLE -> {
                need(name, len, 8, "double");
                long v = 0;
                for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
                yield new JsonPrimitive(Double.longBitsToDouble(v));
            }
        };
    }

    private static void need(String name, int len, int want, String type) {
        if (len != want) throw bad(name, type + " value of " + len + " bytes, expected " + want);
    }

    private static BlobmsgException bad(String name, String why) {
        return new BlobmsgException("attribute '" + name + "': " + why);
    }
}

package io.ltemodem.ubus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds a blob buffer byte for byte as libubox's {@code blob_buf} + {@code blobmsg_add_*} would: a root attribute
 * (plain, id given at construction, like {@code blob_buf_init(buf, id)}) holding named (extended) blobmsg attributes.
 * Every attribute is padded to 4 bytes; a container's length covers its padded children. Numbers are big-endian.
 * The result is what {@code ubus_send_reply}/{@code ubus_send_event} take as {@code struct blob_attr *}.
 */
public final class BlobmsgWriter {
    private byte[] buf = new byte[256];
    private int size;
    /** Offsets of the open containers, innermost first; the root is at 0. */
    private final Deque<Integer> open = new ArrayDeque<>();

    /** A root with id 0, as ubus's own messages use. */
    public BlobmsgWriter() {
        this(0);
    }

    public BlobmsgWriter(int rootId) {
        ensure(Blob.HEADER);
        Blob.writeIdLen(buf, 0, Blob.idLen(rootId, Blob.HEADER, false));
        size = Blob.HEADER;
        open.push(0);
    }

    public BlobmsgWriter putString(String name, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        for (byte c : s) if (c == 0) throw new BlobmsgException("string '" + name + "' contains a NUL character");
        byte[] v = Arrays.copyOf(s, s.length + 1);
        return putField(BlobmsgType.STRING.id(), name, v);
    }

    public BlobmsgWriter putBool(String name, boolean value) {
        return putField(BlobmsgType.BOOL, name, new byte[]{(byte) (value ? 1 : 0)});
    }

    public BlobmsgWriter putU8(String name, int value) {
        return putField(BlobmsgType.INT8.id(), name, new byte[]{(byte) value});
    }

    public BlobmsgWriter putU16(String name, int value) {
        return putField(BlobmsgType.INT16.id(), name, new byte[]{(byte) (value >>> 8), (byte) value});
    }

    public BlobmsgWriter putU32(String name, int value) {
        byte[] v = new byte[4];
        Blob.writeIdLen(v, 0, value);
        return putField(BlobmsgType.INT32.id(), name, v);
    }

    public BlobmsgWriter putU64(String name, long value) {
        byte[] v = new byte[8];
        for (int i = 0; i < 8; i++) v[i] = (byte) (value >>> (56 - 8 * i));
        return putField(BlobmsgType.INT64.id(), name, v);
    }

    public BlobmsgWriter putDouble(String name, double value) {
        byte[] v = new byte[8];
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) v[i] = (byte) (bits >>> (56 - 8 * i));
        return putField(BlobmsgType.DOUBLE.id(), name, v);
    }

    /** A JSON null: an UNSPEC attribute with no value (what {@code blobmsg_add_json} makes of null). */
    public BlobmsgWriter putNull(String name) {
        return putField(BlobmsgType.UNSPEC.id(), name, new byte[0]);
    }

    /** {@code blobmsg_add_field}: one named attribute with a raw payload. */
    public BlobmsgWriter putField(int type, String name, byte[] payload) {
        int at = addHeader(type, name, payload.length);
        System.arraycopy(payload, 0, buf, at, payload.length);
        size = Blob.pad(size);
        return this;
    }

    /** {@code blobmsg_open_table}. Close with {@link #close()}. */
    public BlobmsgWriter openTable(String name) {
        return openNested(name, false);
    }

    /** {@code blobmsg_open_array}: members should have empty names (readers ignore them, as libubox's do). */
    public BlobmsgWriter openArray(String name) {
        return openNested(name, true);
    }

    private BlobmsgWriter openNested(String name, boolean array) {
        int start = size;
        addHeader(array ? BlobmsgType.ARRAY.id() : BlobmsgType.TABLE.id(), name, 0);
        open.push(start);
        return this;
    }

    /** {@code blob_nest_end}: closes the innermost table or array. */
    public BlobmsgWriter close() {
        if (open.size() <= 1) throw new IllegalStateException("no open table or array");
        int start = open.pop();
        int idLen = Blob.readIdLen(buf, start);
        Blob.writeIdLen(buf, start, (idLen & ~Blob.LEN_MASK) | (size - start));
        return this;
    }

    /** The whole buffer, root attribute first. Every table and array must be closed. */
    public byte[] toByteArray() {
        if (open.size() != 1) throw new IllegalStateException(open.size() - 1 + " table(s)/array(s) still open");
        if (size > Blob.LEN_MASK) throw new BlobmsgException("message of " + size + " bytes is too large for a blob");
        int idLen = Blob.readIdLen(buf, 0);
        Blob.writeIdLen(buf, 0, (idLen & ~Blob.LEN_MASK) | size);
        return Arrays.copyOf(buf, size);
    }

    public int size() {
        return size;
    }

    /** Writes header and name; returns where the value goes. Leaves {@code size} just after the value. */
    private int addHeader(int type, String name, int valueLen) {
        byte[] n = name == null ? new byte[0] : name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 0xffff) throw new BlobmsgException("name of " + n.length + " bytes is too long");
        int hdr = Blob.blobmsgHeaderLen(n.length);
        int raw = Blob.HEADER + hdr + valueLen;
        int start = size;
        ensure(start + Blob.pad(raw));
        Arrays.fill(buf, start, start + Blob.pad(raw), (byte) 0);
        Blob.writeIdLen(buf, start, Blob.idLen(type, raw, true));
        buf[start + 4] = (byte) (n.length >>> 8);
        buf[start + 5] = (byte) n.length;
        System.arraycopy(n, 0, buf, start + 6, n.length);
        size = start + raw;
        return start + Blob.HEADER + hdr;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
    }
}

package io.ltemodem.ubus;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A libubox {@code struct blob_buf} in memory we own, with the header-only helpers reimplemented on top of the
 * exported {@code blobmsg_add_field}/{@code blobmsg_open_nested}/{@code blob_nest_end}: {@code blobmsg_add_string}
 * (length includes the NUL), {@code blobmsg_add_u8/u16/u32/u64/double} (values big-endian), {@code
 * blobmsg_open_table/array}, {@code blobmsg_close_table/array}. The daemon builds its messages with the pure-Java
 * {@link BlobmsgWriter}; this class is the reference it is tested against, and a way to use libubox's own JSON
 * parser ({@link #addJson}). Not thread-safe; free with {@link #close()}.
 */
public final class NativeBlobBuf implements AutoCloseable {
    private final LibUbox ubox;
    private final Memory buf;
    private boolean freed;

    /** {@code blob_buf_init(buf, id)} on zeroed memory (libubox reallocs {@code buf->buf}, so it must start NULL). */
    public NativeBlobBuf(int id) {
        this.ubox = OpenWrtLibraries.ubox();
        this.buf = new Memory(new UbusStructs.BlobBuf().size());
        buf.clear();
        if (ubox.blob_buf_init(buf, id) != 0) throw new IllegalStateException("blob_buf_init failed");
    }

    /** {@code b.head}: the message, as {@code struct blob_attr *}. */
    public Pointer head() {
        return buf.getPointer(0);
    }

    public NativeBlobBuf addString(String name, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        return add(BlobmsgType.STRING.id(), name, Arrays.copyOf(s, s.length + 1));
    }

    public NativeBlobBuf addU8(String name, int v) {
        return add(BlobmsgType.INT8.id(), name, new byte[]{(byte) v});
    }

    public NativeBlobBuf addBool(String name, boolean v) {
        return addU8(name, v ? 1 : 0);
    }

    public NativeBlobBuf addU16(String name, int v) {
        return add(BlobmsgType.INT16.id(), name, new byte[]{(byte) (v >>> 8), (byte) v});
    }

    public NativeBlobBuf addU32(String name, int v) {
        byte[] b = new byte[4];
        Blob.writeIdLen(b, 0, v);
        return add(BlobmsgType.INT32.id(), name, b);
    }

    public NativeBlobBuf addU64(String name, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return add(BlobmsgType.INT64.id(), name, b);
    }

    public NativeBlobBuf addDouble(String name, double v) {
        return addU64Typed(BlobmsgType.DOUBLE.id(), name, Double.doubleToRawLongBits(v));
    }

    private NativeBlobBuf addU64Typed(int type, String name, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return add(type, name, b);
    }

    private NativeBlobBuf add(int type, String name, byte[] data) {
        if (ubox.blobmsg_add_field(buf, type, cstr(name), data, data.length) != 0) {
            throw new IllegalStateException("blobmsg_add_field failed");
        }
        return this;
    }

    /** {@code blobmsg_open_table}: returns the cookie for {@link #close(Pointer)}. */
    public Pointer openTable(String name) {
        return ubox.blobmsg_open_nested(buf, cstr(name), (byte) 0);
    }

    public Pointer openArray(String name) {
        return ubox.blobmsg_open_nested(buf, cstr(name), (byte) 1);
    }

    /** {@code blobmsg_close_table}/{@code blobmsg_close_array}. */
    public void close(Pointer cookie) {
        ubox.blob_nest_end(buf, cookie);
    }

    /** {@code blobmsg_add_json_from_string}: appends the members of a JSON object (needs libblobmsg_json). */
    public boolean addJson(String json) {
        return (OpenWrtLibraries.blobmsgJson().blobmsg_add_json_from_string(buf, json) & 0xff) != 0;
    }

    /** The message bytes, header included ({@code blob_raw_len(b.head)}). */
    public byte[] bytes() {
        Pointer h = head();
        int raw = Blob.rawLen(Blob.readIdLen(h.getByteArray(0, 4), 0));
        return h.getByteArray(0, raw);
    }

    /** {@code blobmsg_format_json(b.head, true)} (needs libblobmsg_json); the malloc'd string is freed. */
    public String formatJson() {
        return formatJson(head());
    }

    /** Formats any {@code blob_attr} holding blobmsg members, as libubox would. */
    public static String formatJson(Pointer attr) {
        Pointer s = OpenWrtLibraries.blobmsgJson().blobmsg_format_json_with_cb(attr, (byte) 1, null, null, -1);
        if (s == null) return null;
        try {
            return s.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(s));
        }
    }

    @Override
    public void close() {
        if (!freed) {
            ubox.blob_buf_free(buf);
            freed = true;
        }
    }

    private static byte[] cstr(String s) {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(b, b.length + 1);
    }
}

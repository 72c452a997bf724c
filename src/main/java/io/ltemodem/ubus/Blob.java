package io.ltemodem.ubus;

/**
 * The blob TLV header as libubox lays it out ({@code blob.h}): a 32-bit <b>big-endian</b> {@code id_len} =
 * {@code [bit31 EXTENDED][bits30..24 id][bits23..0 length including the 4-byte header]}, then the payload, padded
 * with zeros to 4 bytes (the padding does not count in the length). These are the header-only helpers
 * ({@code blob_id}, {@code blob_len}, {@code blob_raw_len}, {@code blob_pad_len}, {@code blob_is_extended}) in Java.
 */
public final class Blob {
    public static final int ID_MASK = 0x7f000000;
    public static final int ID_SHIFT = 24;
    public static final int LEN_MASK = 0x00ffffff;
    public static final int EXTENDED = 0x80000000;
    public static final int ALIGN = 4;
    public static final int HEADER = 4;
    /** ubusd's UBUS_MAX_MSGLEN: nothing larger can arrive. */
    public static final int MAX_MESSAGE = 1 << 20;

    private Blob() {
    }

    public static int idLen(int id, int rawLen, boolean extended) {
        return (extended ? EXTENDED : 0) | ((id << ID_SHIFT) & ID_MASK) | (rawLen & LEN_MASK);
    }

    public static int readIdLen(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public static void writeIdLen(byte[] b, int off, int idLen) {
        b[off] = (byte) (idLen >>> 24);
        b[off + 1] = (byte) (idLen >>> 16);
        b[off + 2] = (byte) (idLen >>> 8);
        b[off + 3] = (byte) idLen;
    }

    public static int id(int idLen) {
        return (idLen & ID_MASK) >>> ID_SHIFT;
    }

    /** Header plus payload ({@code blob_raw_len}). */
    public static int rawLen(int idLen) {
        return idLen & LEN_MASK;
    }

    public static boolean extended(int idLen) {
        return (idLen & EXTENDED) != 0;
    }

    /** {@code blob_pad_len}: the raw length rounded up to 4. */
    public static int pad(int len) {
        return (len + ALIGN - 1) & ~(ALIGN - 1);
    }

    /** {@code blobmsg_hdrlen}: the 2-byte name length, the name, its NUL, padded to 4. */
    public static int blobmsgHeaderLen(int nameLen) {
        return pad(2 + nameLen + 1);
    }
}

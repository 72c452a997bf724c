package io.ltemodem.ubus;

/** libubox {@code enum blobmsg_type}: the id of an extended (named) blob attribute. */
public enum BlobmsgType {
    UNSPEC(0), ARRAY(1), TABLE(2), STRING(3), INT64(4), INT32(5), INT16(6), INT8(7), DOUBLE(8);

    /** BOOL shares INT8's id: a one-byte value. */
    public static final int BOOL = 7;

    private final int id;

    BlobmsgType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Null for an id outside 0..8. */
    public static BlobmsgType of(int id) {
        return id >= 0 && id < values().length ? values()[id] : null;
    }
}

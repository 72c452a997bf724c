package io.ltemodem.api;

/**
 * The JSON type of an argument. {@link #blobmsgType()} is libubox's {@code enum blobmsg_type}, so the ubus adapter
 * can publish method signatures ({@code ubus -v list ltemodem} shows {@code "modem":"String"}).
 */
public enum ArgType {
    STRING(3, "a string"),
    INTEGER(5, "an integer"),
    BOOLEAN(7, "a boolean");

    private final int blobmsgType;
    private final String description;

    ArgType(int blobmsgType, String description) {
        this.blobmsgType = blobmsgType;
        this.description = description;
    }

    public int blobmsgType() {
        return blobmsgType;
    }

    public String description() {
        return description;
    }
}

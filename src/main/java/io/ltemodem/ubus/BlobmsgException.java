package io.ltemodem.ubus;

/** A blob buffer that is not well-formed blobmsg; the message says where and why. */
public final class BlobmsgException extends IllegalArgumentException {
    public BlobmsgException(String message) {
        super(message);
    }
}

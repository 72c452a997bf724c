package io.ltemodem.ubus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The {@code static inline} helpers of libubus.h / uloop.h / blob.h that have no symbol to call, in Java
 * (reference/ubus-abi.md §0). Offsets come from the JNA layouts in {@link UbusStructs}.
 */
public final class UbusInline {
    private UbusInline() {
    }

    /** {@code ubus_add_uloop(ctx)}: {@code uloop_fd_add(&ctx->sock, ULOOP_BLOCKING | ULOOP_READ)}. */
    public static int ubusAddUloop(LibUbox ubox, Pointer ctx) {
        return ubox.uloop_fd_add(ctx.share(UbusStructs.Layout.CONTEXT_SOCK), LibUbox.ULOOP_BLOCKING | LibUbox.ULOOP_READ);
    }

    /** {@code ctx->sock.eof}: set by libubus when ubusd closed the connection. */
    public static boolean ubusSocketEof(Pointer ctx) {
        return ctx.getByte(UbusStructs.Layout.CONTEXT_SOCK + UbusStructs.Layout.ULOOP_FD_EOF) != 0;
    }

    /** {@code uloop_end()}: {@code uloop_cancelled = true}. Only from the uloop thread (it does not wake the poll). */
    public static void uloopEnd() {
        OpenWrtLibraries.uloopCancelled().setByte(0, (byte) 1);
    }

    /**
     * {@code ubus_defer_request(ctx, req, new_req)}: copies the request into memory we own and marks the original
     * deferred, so libubus sends no status when the handler returns. The copy's ACL strings (they point into the
     * reused message buffer) and file descriptors (libubus closes the request fd) are cleared.
     */
    public static Memory ubusDeferRequest(Pointer req) {
        int size = UbusStructs.Layout.REQUEST_DATA_SIZE;
        Memory copy = new Memory(size);
        copy.write(0, req.getByteArray(0, size), 0, size);
        copy.write(UbusStructs.Layout.REQUEST_ACL, new byte[UbusStructs.Layout.ACL_SIZE], 0, UbusStructs.Layout.ACL_SIZE);
        copy.setInt(UbusStructs.Layout.REQUEST_FD, -1);
        copy.setInt(UbusStructs.Layout.REQUEST_REQ_FD, -1);
        copy.setByte(UbusStructs.Layout.REQUEST_DEFERRED, (byte) 1);
        req.setByte(UbusStructs.Layout.REQUEST_DEFERRED, (byte) 1);
        return copy;
    }

    /** {@code blob_raw_len(attr)}: header plus payload, from the big-endian {@code id_len}. */
    public static int blobRawLen(Pointer attr) {
        return Blob.rawLen(Blob.readIdLen(attr.getByteArray(0, Blob.HEADER), 0));
    }

    /** The whole attribute as bytes, refusing lengths no ubus message can have. */
    public static byte[] blobBytes(Pointer attr) {
        int raw = blobRawLen(attr);
        if (raw < Blob.HEADER || raw > Blob.MAX_MESSAGE) throw new BlobmsgException("blob length " + raw);
        return attr.getByteArray(0, raw);
    }

    /** Our bytes in native memory, for the {@code struct blob_attr *} arguments of libubus. */
    public static Memory toNative(byte[] blob) {
        Memory m = new Memory(blob.length);
        m.write(0, blob, 0, blob.length);
        return m;
    }
}

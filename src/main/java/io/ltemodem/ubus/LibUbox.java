package io.ltemodem.ubus;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * Exported libubox symbols we call (blob, blobmsg, uloop). The {@code static inline} helpers of the headers
 * ({@code blobmsg_add_string}, {@code uloop_run}, {@code uloop_end}, ...) have no symbol: see {@link NativeBlobBuf}
 * and {@link UbusServer} for their Java versions.
 *
 * <p>C {@code bool} is mapped as {@code byte}, for returns and for parameters. Returns: only the low 8 bits of the
 * register are defined. Parameters: JNA passes a Java {@code true} as the int -1, and the compiler may rely on a
 * bool being exactly 0 or 1 — libubox's {@code blobmsg_open_nested} computes {@code array ? ARRAY : TABLE} as
 * {@code 2 - array} and, given -1, opened a STRING (type 3). Measured; a test keeps it fixed.
 */
public interface LibUbox extends Library {
    int ULOOP_READ = 1;
    int ULOOP_WRITE = 2;
    int ULOOP_EDGE_TRIGGER = 4;
    int ULOOP_BLOCKING = 8;

    /** {@code typedef void (*uloop_fd_handler)(struct uloop_fd *u, unsigned int events)} */
    interface UloopFdHandler extends Callback {
        void invoke(Pointer fd, int events);
    }

    int blob_buf_init(Pointer buf, int id);

    void blob_buf_free(Pointer buf);

    Pointer blob_nest_start(Pointer buf, int id);

    void blob_nest_end(Pointer buf, Pointer cookie);

    int blobmsg_add_field(Pointer buf, int type, byte[] name, byte[] data, int len);

    /** {@code bool array}: pass 0 or 1 as a byte (see the class comment). */
    Pointer blobmsg_open_nested(Pointer buf, byte[] name, byte array);

    int blobmsg_parse(Pointer policy, int policyLen, Pointer tb, Pointer data, int len);

    int uloop_init();

    void uloop_done();

    int uloop_run_timeout(int timeoutMs);

    int uloop_fd_add(Pointer fd, int flags);

    int uloop_fd_delete(Pointer fd);
}

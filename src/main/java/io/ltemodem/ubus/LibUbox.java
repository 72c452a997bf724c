package io.ltemodem.ubus;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * Exported libubox symbols we call (blob, blobmsg, uloop). The {@code static inline} helpers of the headers
 * ({@code blobmsg_add_string}, {@code uloop_run}, {@code uloop_end}, ...) have no symbol: see {@link NativeBlobBuf}
 * and {@link UbusServer} for their Java versions. {@code bool} returns are mapped as {@code byte}
 * (only the low 8 bits of the return register are defined).
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

    Pointer blobmsg_open_nested(Pointer buf, byte[] name, boolean array);

    int blobmsg_parse(Pointer policy, int policyLen, Pointer tb, Pointer data, int len);

    int uloop_init();

    void uloop_done();

    int uloop_run_timeout(int timeoutMs);

    int uloop_fd_add(Pointer fd, int flags);

    int uloop_fd_delete(Pointer fd);
}

package io.ltemodem.ubus;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** Exported libubus symbols we call. Object ids are {@code uint32_t} mapped as {@code int}. */
public interface LibUbus extends Library {
    /** {@code ubus_handler_t}: a method handler; returns a UBUS_STATUS_* code. */
    interface Handler extends Callback {
        int invoke(Pointer ctx, Pointer obj, Pointer req, Pointer method, Pointer msg);
    }

    /** {@code ubus_data_handler_t}: data of an invoke's reply. */
    interface DataHandler extends Callback {
        void invoke(Pointer req, int type, Pointer msg);
    }

    Pointer ubus_connect(String path);

    void ubus_free(Pointer ctx);

    int ubus_add_object(Pointer ctx, Pointer obj);

    int ubus_remove_object(Pointer ctx, Pointer obj);

    int ubus_send_reply(Pointer ctx, Pointer req, Pointer msg);

    void ubus_complete_deferred_request(Pointer ctx, Pointer req, int ret);

    int ubus_send_event(Pointer ctx, String id, Pointer data);

    int ubus_lookup_id(Pointer ctx, String path, IntByReference id);

    int ubus_invoke_fd(Pointer ctx, int obj, String method, Pointer msg, DataHandler cb, Pointer priv, int timeoutMs, int fd);

    /** Static storage: a String is fine. */
    String ubus_strerror(int error);
}

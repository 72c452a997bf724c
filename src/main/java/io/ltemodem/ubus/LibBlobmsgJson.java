package io.ltemodem.ubus;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * libblobmsg_json (needs json-c). Not needed to serve ubus (the Java codec does JSON ↔ blobmsg); used to check
 * that codec against libubox byte for byte. {@code blobmsg_format_json_with_cb} returns malloc'd memory: free it.
 */
public interface LibBlobmsgJson extends Library {
    byte blobmsg_add_json_from_string(Pointer buf, String json);

    /** {@code bool list} as a byte 0/1: see {@link LibUbox}. */
    Pointer blobmsg_format_json_with_cb(Pointer attr, byte list, Pointer cb, Pointer priv, int indent);
}

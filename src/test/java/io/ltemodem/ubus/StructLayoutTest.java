package io.ltemodem.ubus;

import com.sun.jna.Native;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JNA computes the layouts from the field types; on LP64 (x86_64, aarch64) they must equal the sizes and offsets
 * measured with a C compiler in reference/ubus-abi.md. (On a 32-bit target the numbers differ, by design.)
 * Needs only JNA itself, not libubox.
 */
class StructLayoutTest {
    @BeforeAll
    static void lp64Only() {
        assumeTrue(Native.POINTER_SIZE == 8 && Native.LONG_SIZE == 8, "the reference numbers are for LP64");
    }

    @Test
    void ubusObject() {
        UbusStructs.UbusObject o = new UbusStructs.UbusObject();
        assertEquals(120, o.size());
        assertEquals(0, o.offsetOf("avl"));
        assertEquals(56, o.offsetOf("name"));
        assertEquals(64, o.offsetOf("id"));
        assertEquals(72, o.offsetOf("path"));
        assertEquals(80, o.offsetOf("type"));
        assertEquals(88, o.offsetOf("subscribe_cb"));
        assertEquals(96, o.offsetOf("has_subscribers"));
        assertEquals(104, o.offsetOf("methods"));
        assertEquals(112, o.offsetOf("n_methods"));
        assertEquals(56, new UbusStructs.AvlNode().size());
    }

    @Test
    void ubusObjectTypeMethodAndPolicy() {
        UbusStructs.UbusObjectType t = new UbusStructs.UbusObjectType();
        assertEquals(32, t.size());
        assertEquals(8, t.offsetOf("id"));
        assertEquals(16, t.offsetOf("methods"));
        assertEquals(24, t.offsetOf("n_methods"));
        UbusStructs.UbusMethod m = new UbusStructs.UbusMethod();
        assertEquals(48, m.size());
        assertEquals(8, m.offsetOf("handler"));
        assertEquals(16, m.offsetOf("mask"));
        assertEquals(24, m.offsetOf("tags"));
        assertEquals(32, m.offsetOf("policy"));
        assertEquals(40, m.offsetOf("n_policy"));
        UbusStructs.BlobmsgPolicy p = new UbusStructs.BlobmsgPolicy();
        assertEquals(16, p.size());
        assertEquals(8, p.offsetOf("type"));
        // arrays are contiguous with the struct size as stride
        UbusStructs.UbusMethod[] a = (UbusStructs.UbusMethod[]) new UbusStructs.UbusMethod().toArray(3);
        assertEquals(96, com.sun.jna.Pointer.nativeValue(a[2].getPointer()) - com.sun.jna.Pointer.nativeValue(a[0].getPointer()));
    }

    @Test
    void requestData() {
        UbusStructs.UbusRequestData r = new UbusStructs.UbusRequestData();
        assertEquals(56, r.size());
        assertEquals(4, r.offsetOf("peer"));
        assertEquals(8, r.offsetOf("seq"));
        assertEquals(16, r.offsetOf("acl"));
        assertEquals(40, r.offsetOf("deferred"));
        assertEquals(44, r.offsetOf("fd"));
        assertEquals(48, r.offsetOf("req_fd"));
        assertEquals(56, UbusStructs.Layout.REQUEST_DATA_SIZE);
        assertEquals(40, UbusStructs.Layout.REQUEST_DEFERRED);
        assertEquals(24, UbusStructs.Layout.ACL_SIZE);
    }

    @Test
    void blobBufAndUloopFd() {
        UbusStructs.BlobBuf b = new UbusStructs.BlobBuf();
        assertEquals(32, b.size());
        assertEquals(8, b.offsetOf("grow"));
        assertEquals(16, b.offsetOf("buflen"));
        assertEquals(24, b.offsetOf("buf"));
        UbusStructs.UloopFd u = new UbusStructs.UloopFd();
        assertEquals(16, u.size());
        assertEquals(8, u.offsetOf("fd"));
        assertEquals(12, u.offsetOf("eof"));
        assertEquals(13, u.offsetOf("error"));
        assertEquals(14, u.offsetOf("registered"));
        assertEquals(15, u.offsetOf("flags"));
    }

    @Test
    void contextIsOpaqueExceptItsLeadingSock() {
        UbusStructs.UbusContextHead c = new UbusStructs.UbusContextHead();
        assertEquals(16, c.offsetOf("objects"));
        assertEquals(64, c.offsetOf("pending"));
        assertEquals(80, c.offsetOf("sock"));
        assertEquals(80, UbusStructs.Layout.CONTEXT_SOCK);
        assertEquals(92, UbusStructs.Layout.CONTEXT_SOCK + UbusStructs.Layout.ULOOP_FD_EOF);
        assertEquals(48, new UbusStructs.AvlTree().size());
    }
}

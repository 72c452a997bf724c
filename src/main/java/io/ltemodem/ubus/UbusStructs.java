package io.ltemodem.ubus;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The stable libubox/libubus structs as JNA {@link Structure}s. JNA computes the layout from the field types
 * ({@code Pointer}, {@code NativeLong} for {@code unsigned long}, {@code byte} for {@code bool}, {@code int} for
 * enums), so 32-bit targets get their own offsets; a test pins the LP64 numbers measured in
 * reference/ubus-abi.md. Structures that libubus keeps pointers to are allocated in {@link Memory} we own and are
 * written once with {@link Structure#write()}; functions take plain {@link Pointer}s so JNA never re-writes (and
 * clobbers) memory that libubus has changed since.
 */
public final class UbusStructs {
    private UbusStructs() {
    }

    /** Exposes the protected {@link Structure#fieldOffset} to this package. */
    abstract static class Base extends Structure {
        Base() {
            super();
        }

        Base(Pointer p) {
            super(p);
        }

        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** {@code struct list_head} */
    @Structure.FieldOrder({"next", "prev"})
    public static class ListHead extends Base {
        public Pointer next;
        public Pointer prev;
    }

    /** {@code struct avl_node}: zeroed by us; libubus links it into {@code ctx->objects}. */
    @Structure.FieldOrder({"list", "parent", "left", "right", "key", "balance", "leader"})
    public static class AvlNode extends Base {
        public ListHead list;
        public Pointer parent;
        public Pointer left;
        public Pointer right;
        public Pointer key;
        public byte balance;
        public byte leader;
    }

    /** {@code struct avl_tree}: only here to place {@code ubus_context.sock}. */
    @Structure.FieldOrder({"list_head", "root", "count", "allow_dups", "comp", "cmp_ptr"})
    public static class AvlTree extends Base {
        public ListHead list_head;
        public Pointer root;
        public int count;
        public byte allow_dups;
        public Pointer comp;
        public Pointer cmp_ptr;
    }

    /** {@code struct uloop_fd} */
    @Structure.FieldOrder({"cb", "fd", "eof", "error", "registered", "flags"})
    public static class UloopFd extends Base {
        public Pointer cb;
        public int fd;
        public byte eof;
        public byte error;
        public byte registered;
        public byte flags;

        public UloopFd() {
            super();
        }

        public UloopFd(Pointer p) {
            super(p);
        }
    }

    /**
     * The leading members of {@code struct ubus_context}, up to and including {@code sock}: stable since 2012.
     * The rest of the context changed across releases (200 → 344 bytes in 2023) and is never touched; contexts
     * are only ever allocated by {@code ubus_connect}.
     */
    @Structure.FieldOrder({"requests", "objects", "pending", "sock"})
    public static class UbusContextHead extends Base {
        public ListHead requests;
        public AvlTree objects;
        public ListHead pending;
        public UloopFd sock;
    }

    /** {@code struct blobmsg_policy} */
    @Structure.FieldOrder({"name", "type"})
    public static class BlobmsgPolicy extends Base {
        public Pointer name;
        public int type;
    }

    /** {@code struct ubus_method} */
    @Structure.FieldOrder({"name", "handler", "mask", "tags", "policy", "n_policy"})
    public static class UbusMethod extends Base {
        public Pointer name;
        public Pointer handler;
        public NativeLong mask = new NativeLong(0);
        public NativeLong tags = new NativeLong(0);
        public Pointer policy;
        public int n_policy;
    }

    /** {@code struct ubus_object_type}; {@code id} is written by ubus_add_object (reset it before re-adding). */
    @Structure.FieldOrder({"name", "id", "methods", "n_methods"})
    public static class UbusObjectType extends Base {
        public Pointer name;
        public int id;
        public Pointer methods;
        public int n_methods;
    }

    /** {@code struct ubus_object} */
    @Structure.FieldOrder({"avl", "name", "id", "path", "type", "subscribe_cb", "has_subscribers", "methods", "n_methods"})
    public static class UbusObject extends Base {
        public AvlNode avl;
        public Pointer name;
        public int id;
        public Pointer path;
        public Pointer type;
        public Pointer subscribe_cb;
        public byte has_subscribers;
        public Pointer methods;
        public int n_methods;
    }

    /** {@code struct ubus_acl_key} */
    @Structure.FieldOrder({"user", "group", "object"})
    public static class UbusAclKey extends Base {
        public Pointer user;
        public Pointer group;
        public Pointer object;
    }

    /**
     * {@code struct ubus_request_data}. The handler's copy lives on libubus's stack; to answer later, copy it and
     * set {@code deferred} in the original (the inline {@code ubus_defer_request}).
     */
    @Structure.FieldOrder({"object", "peer", "seq", "acl", "deferred", "fd", "req_fd"})
    public static class UbusRequestData extends Base {
        public int object;
        public int peer;
        public short seq;
        public UbusAclKey acl;
        public byte deferred;
        public int fd;
        public int req_fd;
    }

    /** {@code struct blob_buf}: zero before the first blob_buf_init; {@code head} is the message. */
    @Structure.FieldOrder({"head", "grow", "buflen", "buf"})
    public static class BlobBuf extends Base {
        public Pointer head;
        public Pointer grow;
        public int buflen;
        public Pointer buf;
    }

    /** Sizes and offsets used at run time, computed once by JNA for this platform. */
    static final class Layout {
        static final int REQUEST_DATA_SIZE;
        static final int REQUEST_DEFERRED;
        static final int REQUEST_ACL;
        static final int REQUEST_FD;
        static final int REQUEST_REQ_FD;
        static final int ACL_SIZE;
        static final int CONTEXT_SOCK;
        static final int ULOOP_FD_EOF;

        static {
            UbusRequestData r = new UbusRequestData();
            REQUEST_DATA_SIZE = r.size();
            REQUEST_DEFERRED = r.offsetOf("deferred");
            REQUEST_ACL = r.offsetOf("acl");
            REQUEST_FD = r.offsetOf("fd");
            REQUEST_REQ_FD = r.offsetOf("req_fd");
            ACL_SIZE = new UbusAclKey().size();
            CONTEXT_SOCK = new UbusContextHead().offsetOf("sock");
            ULOOP_FD_EOF = new UloopFd().offsetOf("eof");
        }

        private Layout() {
        }
    }
}

package io.ltemodem.ubus;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.ltemodem.api.ArgSpec;
import io.ltemodem.api.MethodSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A ubus object laid out in native memory that this instance owns and keeps reachable: the
 * {@code ubus_object}, its {@code ubus_object_type}, the contiguous {@code ubus_method[]} (48-byte stride on LP64)
 * and {@code blobmsg_policy[]} arrays, every name string, and the handler trampoline. libubus keeps raw pointers
 * to all of them until the object is removed, so none may be collected before.
 *
 * <p>Both {@code obj->methods} (dispatch) and {@code obj->type->methods} (the signature that {@code ubus -v list}
 * shows, one {@code "arg": type} per policy entry) point at the same array.
 */
final class UbusObjectImage {
    private final List<Memory> strings = new ArrayList<>();
    private final LibUbus.Handler handler;
    private final UbusStructs.UbusObject object;
    private final UbusStructs.UbusObjectType type;
    private final UbusStructs.UbusMethod[] methods;
    private final List<UbusStructs.BlobmsgPolicy[]> policies = new ArrayList<>();
    private final String name;

    UbusObjectImage(String name, List<MethodSpec> specs, LibUbus.Handler handler) {
        this.name = name;
        this.handler = handler;
        Pointer fn = CallbackReference.getFunctionPointer(handler);
        methods = (UbusStructs.UbusMethod[]) new UbusStructs.UbusMethod().toArray(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            MethodSpec m = specs.get(i);
            UbusStructs.UbusMethod um = methods[i];
            um.name = cstr(m.name());
            um.handler = fn;
            if (!m.args().isEmpty()) {
                UbusStructs.BlobmsgPolicy[] p = (UbusStructs.BlobmsgPolicy[]) new UbusStructs.BlobmsgPolicy().toArray(m.args().size());
                for (int j = 0; j < p.length; j++) {
                    ArgSpec a = m.args().get(j);
                    p[j].name = cstr(a.name());
                    p[j].type = a.type().blobmsgType();
                    p[j].write();
                }
                policies.add(p);
                um.policy = p[0].getPointer();
                um.n_policy = p.length;
            }
            um.write();
        }
        type = new UbusStructs.UbusObjectType();
        type.name = cstr(name);
        type.id = 0;
        type.methods = methods.length == 0 ? null : methods[0].getPointer();
        type.n_methods = methods.length;
        type.write();
        object = new UbusStructs.UbusObject();
        object.name = type.name;
        object.type = type.getPointer();
        object.methods = type.methods;
        object.n_methods = methods.length;
        object.write();
    }

    String name() {
        return name;
    }

    Pointer pointer() {
        return object.getPointer();
    }

    /** The id ubusd gave the object ({@code obj->id}), 0 before registration. */
    int id() {
        return object.getPointer().getInt(object.offsetOf("id"));
    }

    /**
     * Before registering with a new connection: zero the avl node (it was linked into the old, freed context) and
     * both ids. A non-zero {@code type->id} would make {@code ubus_add_object} send the old type id, which a
     * restarted ubusd does not know.
     */
    void resetForNewConnection() {
        Pointer p = object.getPointer();
        p.clear(new UbusStructs.AvlNode().size());
        p.setInt(object.offsetOf("id"), 0);
        p.setByte(object.offsetOf("has_subscribers"), (byte) 0);
        type.getPointer().setInt(type.offsetOf("id"), 0);
    }

    private Pointer cstr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1L);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        strings.add(m);
        return m;
    }

    /** Keeps the handler reachable for as long as this image is (it is the native function pointer's target). */
    LibUbus.Handler handler() {
        return handler;
    }
}

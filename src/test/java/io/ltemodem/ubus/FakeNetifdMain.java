package io.ltemodem.ubus;

import com.sun.jna.Pointer;
import io.ltemodem.api.MethodSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for netifd in its own JVM (uloop and libubus are per process): registers
 * {@code network.interface.<name>} with {@code up}, {@code down} and {@code renew}, and prints one line
 * {@code CALL <method> <json>} per call. Arguments: library directory, ubus socket, interface name.
 */
public final class FakeNetifdMain {
    private FakeNetifdMain() {
    }

    public static void main(String[] args) throws Exception {
        OpenWrtLibraries.useDirectory(Path.of(args[0]));
        LibUbox ubox = OpenWrtLibraries.ubox();
        LibUbus ubus = OpenWrtLibraries.ubus();
        ubox.uloop_init();
        Pointer ctx = ubus.ubus_connect(args[1]);
        if (ctx == null) throw new IllegalStateException("cannot connect to " + args[1]);
        UbusInline.ubusAddUloop(ubox, ctx);
        LibUbus.Handler h = (c, obj, req, method, msg) -> {
            System.out.println("CALL " + method.getString(0) + " " + Blobmsg.decode(UbusInline.blobBytes(msg)));
            System.out.flush();
            return 0;
        };
        UbusObjectImage image = new UbusObjectImage("network.interface." + args[2],
                List.of(MethodSpec.of("up"), MethodSpec.of("down"), MethodSpec.of("renew")), h);
        int rc = ubus.ubus_add_object(ctx, image.pointer());
        if (rc != 0) throw new IllegalStateException("ubus_add_object: " + ubus.ubus_strerror(rc));
        System.out.println("READY");
        System.out.flush();
        while (true) {
            ubox.uloop_run_timeout(500);
            if (UbusInline.ubusSocketEof(ctx)) System.exit(0);
            java.lang.ref.Reference.reachabilityFence(image);
        }
    }
}

package io.ltemodem.bench;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.ltemodem.ubus.BlobmsgWriter;
import io.ltemodem.ubus.LibUbus;
import io.ltemodem.ubus.OpenWrtLibraries;
import io.ltemodem.ubus.UbusInline;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A ubus client in the benchmark's JVM, through libubus like rpcd or the {@code ubus} CLI: one connection,
 * {@code ubus_invoke} of {@code ltemodem status} N times, each round trip timed (client → ubusd → daemon → ubusd →
 * client). libubox is loaded through {@link OpenWrtLibraries}, which turns off uloop's SIGCHLD handler first, so
 * this JVM's child processes keep their exit codes.
 */
final class UbusBenchClient implements AutoCloseable {
    private final LibUbus ubus;
    private final Pointer ctx;
    private final int id;
    private final Memory empty;
    private int replies;
    private int lastReplyBytes;
    private final LibUbus.DataHandler onData = (req, type, msg) -> {
        replies++;
        lastReplyBytes = msg == null ? 0 : UbusInline.blobRawLen(msg);
    };

    UbusBenchClient(Path prefix, Path socket, String object) {
        OpenWrtLibraries.useDirectory(prefix.resolve("lib"));
        ubus = OpenWrtLibraries.ubus();
        ctx = ubus.ubus_connect(socket.toString());
        if (ctx == null) throw new IllegalStateException("cannot connect to " + socket);
        IntByReference ref = new IntByReference();
        int rc = ubus.ubus_lookup_id(ctx, object, ref);
        if (rc != 0) {
            ubus.ubus_free(ctx);
            throw new IllegalStateException("no ubus object " + object + ": " + ubus.ubus_strerror(rc));
        }
        id = ref.getValue();
        empty = UbusInline.toNative(new BlobmsgWriter().toByteArray());
    }

    record Result(int calls, int failures, int replies, int replyBytes, double p50Us, double p99Us, double maxUs) {
    }

    Result status(int n) {
        long[] ns = new long[n];
        int failures = 0;
        int before = replies;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            int rc = ubus.ubus_invoke_fd(ctx, id, "status", empty, onData, null, 5_000, -1);
            ns[i] = System.nanoTime() - t0;
            if (rc != 0) failures++;
        }
        Arrays.sort(ns);
        return new Result(n, failures, replies - before, lastReplyBytes, pct(ns, 0.50) / 1e3, pct(ns, 0.99) / 1e3,
                ns[n - 1] / 1e3);
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public void close() {
        ubus.ubus_free(ctx);
    }
}

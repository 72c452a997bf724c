package io.ltemodem.ubus;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How other threads hand work to the ubus thread: a task queue plus an eventfd registered with uloop. Posting
 * adds the task and writes to the eventfd, which wakes {@code epoll_wait} inside {@code uloop_run_timeout}; the
 * uloop callback then runs the tasks on the ubus thread. (Setting {@code uloop_cancelled} from another thread
 * would not wake the poll, and calling libubus from another thread corrupts its global state.)
 */
final class WakeupChannel {
    private static final Logger log = LoggerFactory.getLogger(WakeupChannel.class);

    private final LibUbox ubox;
    private final LibC libc;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final byte[] one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(1).array();
    private final byte[] sink = new byte[8];
    private volatile int fd = -1;
    private Memory uloopFd;
    /** Strongly held: uloop keeps the function pointer. */
    private LibUbox.UloopFdHandler callback;

    WakeupChannel(LibUbox ubox, LibC libc) {
        this.ubox = ubox;
        this.libc = libc;
    }

    /** On the ubus thread, after uloop_init. */
    void open() {
        int efd = libc.eventfd(0, 0);
        if (efd < 0) throw new IllegalStateException("eventfd failed");
        callback = (u, events) -> {
            try {
                libc.read(efd, sink, new NativeLong(8));
                runPending();
            } catch (Throwable t) {
                log.error("ubus task failed", t);
            }
        };
        UbusStructs.UloopFd s = new UbusStructs.UloopFd();
        uloopFd = new Memory(s.size());
        uloopFd.clear();
        s = new UbusStructs.UloopFd(uloopFd);
        s.cb = com.sun.jna.CallbackReference.getFunctionPointer(callback);
        s.fd = efd;
        s.write();
        if (ubox.uloop_fd_add(uloopFd, LibUbox.ULOOP_READ) != 0) {
            libc.close(efd);
            throw new IllegalStateException("uloop_fd_add(eventfd) failed");
        }
        fd = efd;
    }

    /** From any thread: runs {@code task} on the ubus thread soon. */
    void post(Runnable task) {
        tasks.add(task);
        int f = fd;
        if (f >= 0) libc.write(f, one, new NativeLong(8));
    }

    /** On the ubus thread. */
    void runPending() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("ubus task failed", e);
            }
        }
    }

    /** On the ubus thread, before uloop_done. Tasks still queued are dropped. */
    void close() {
        int f = fd;
        fd = -1;
        if (f >= 0) {
            ubox.uloop_fd_delete(uloopFd);
            libc.close(f);
        }
        tasks.clear();
    }

    Pointer uloopFd() {
        return uloopFd;
    }
}

package io.ltemodem.sys.pty;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A pseudo-terminal pair made in-process with openpty(3). The simulator speaks on the master; the daemon
 * opens {@link #slavePath()} with jSerialComm exactly as it would open {@code /dev/ttyUSB2}.
 *
 * <p>We keep our own slave fd open for the pty's whole life: without a slave holder, master reads fail
 * with EIO whenever the daemon has the port closed (between a loss and a reopen).
 */
public final class Pty implements Closeable {
    private static final int TERMIOS_BYTES = 256; // larger than struct termios on every Linux ABI

    private final int master;
    private final int slave;
    private final String slavePath;
    private volatile boolean closed;

    private Pty(int master, int slave, String slavePath) {
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
    }

    public static Pty open() throws IOException {
        IntByReference m = new IntByReference();
        IntByReference s = new IntByReference();
        if (LibC.Util.INSTANCE.openpty(m, s, null, null, null) != 0) {
            throw new IOException("openpty failed: errno " + Native.getLastError());
        }
        int master = m.getValue();
        int slave = s.getValue();
        try {
            makeRaw(slave);
            byte[] name = new byte[256];
            int rc = LibC.INSTANCE.ttyname_r(slave, name, new NativeLong(name.length));
            if (rc != 0) throw new IOException("ttyname_r failed: " + rc);
            int len = 0;
            while (len < name.length && name[len] != 0) len++;
            return new Pty(master, slave, new String(name, 0, len, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            LibC.INSTANCE.close(master);
            LibC.INSTANCE.close(slave);
            throw e;
        }
    }

    /**
     * A pty whose path differs from {@code avoid} (null: any): a re-enumerated simulated device must look new even
     * when the kernel would hand out the same pts number again (the old one just released, or not yet).
     */
    public static Pty openOtherThan(String avoid) throws IOException {
        java.util.List<Pty> rejected = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Pty p = open();
                if (!p.slavePath().equals(avoid)) return p;
                rejected.add(p);
            }
            throw new IOException("the kernel keeps handing out " + avoid);
        } finally {
            rejected.forEach(Pty::close);
        }
    }

    /** No echo, no line editing, no CR/LF translation: a modem's tty is a byte pipe. */
    private static void makeRaw(int fd) throws IOException {
        try (Memory t = new Memory(TERMIOS_BYTES)) {
            t.clear();
            if (LibC.INSTANCE.tcgetattr(fd, t) != 0) throw new IOException("tcgetattr: errno " + Native.getLastError());
            LibC.INSTANCE.cfmakeraw(t);
            if (LibC.INSTANCE.tcsetattr(fd, LibC.TCSANOW, t) != 0) {
                throw new IOException("tcsetattr: errno " + Native.getLastError());
            }
        }
    }

    /** The slave device, e.g. {@code /dev/pts/7}. */
    public String slavePath() {
        return slavePath;
    }

    /**
     * Reads what the daemon wrote, waiting at most {@code timeoutMs}.
     *
     * @return bytes read, 0 on timeout, -1 when the pty is closed or broken
     */
    public int read(byte[] buf, int timeoutMs) {
        if (closed) return -1;
        LibC.PollFd[] fds = (LibC.PollFd[]) new LibC.PollFd().toArray(1);
        fds[0].fd = master;
        fds[0].events = LibC.POLLIN;
        int n = LibC.INSTANCE.poll(fds, 1, Math.max(0, timeoutMs));
        if (closed) return -1;
        if (n < 0) return Native.getLastError() == LibC.EINTR ? 0 : -1;
        if (n == 0) return 0;
        if ((fds[0].revents & LibC.POLLIN) == 0) {
            return (fds[0].revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0 ? -1 : 0;
        }
        long r = LibC.INSTANCE.read(master, buf, new NativeLong(buf.length)).longValue();
        if (r < 0) {
            int errno = Native.getLastError();
            return errno == LibC.EINTR || errno == LibC.EAGAIN ? 0 : -1;
        }
        return (int) r;
    }

    /** Writes all of {@code data} towards the daemon. */
    public void write(byte[] data) throws IOException {
        int off = 0;
        while (off < data.length) {
            if (closed) throw new IOException("pty closed");
            byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
            long w = LibC.INSTANCE.write(master, chunk, new NativeLong(chunk.length)).longValue();
            if (w < 0) {
                int errno = Native.getLastError();
                if (errno == LibC.EINTR || errno == LibC.EAGAIN) {
                    Thread.onSpinWait();
                    continue;
                }
                throw new IOException("write to pty master failed: errno " + errno);
            }
            off += (int) w;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes both ends: the daemon's next read sees a hang-up, as when a USB modem disappears. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LibC.INSTANCE.close(master);
        LibC.INSTANCE.close(slave);
    }
}

package io.ltemodem.sys.pty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/** The few libc calls a pseudo-terminal needs. termios is handled as opaque memory (its layout varies). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    short POLLIN = 0x001;
    short POLLERR = 0x008;
    short POLLHUP = 0x010;
    short POLLNVAL = 0x020;
    int TCSANOW = 0;
    int EINTR = 4;
    int EAGAIN = 11;

    int ttyname_r(int fd, byte[] buf, NativeLong buflen);

    NativeLong read(int fd, byte[] buf, NativeLong n);

    NativeLong write(int fd, byte[] buf, NativeLong n);

    int close(int fd);

    int poll(PollFd[] fds, int nfds, int timeoutMs);

    int tcgetattr(int fd, Pointer termios);

    int tcsetattr(int fd, int optionalActions, Pointer termios);

    void cfmakeraw(Pointer termios);

    @Structure.FieldOrder({"fd", "events", "revents"})
    class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    /** openpty lives in libc on glibc >= 2.34 and musl, in libutil on older glibc. */
    interface Util extends Library {
        Util INSTANCE = load();

        int openpty(IntByReference amaster, IntByReference aslave, Pointer name, Pointer termp, Pointer winp);

        private static Util load() {
            try {
                NativeLibrary.getInstance("c").getFunction("openpty");
                return Native.load("c", Util.class);
            } catch (UnsatisfiedLinkError e) {
                return Native.load("util", Util.class);
            }
        }
    }
}

package io.ltemodem.ubus;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;

/** The few libc calls behind the wake-up eventfd. */
interface LibC extends Library {
    int eventfd(int initval, int flags);

    NativeLong read(int fd, byte[] buf, NativeLong count);

    NativeLong write(int fd, byte[] buf, NativeLong count);

    int close(int fd);
}

package io.ltemodem.sim;

import io.ltemodem.sys.Clock;
import io.ltemodem.sys.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a simulated port is now: the pty path while the USB device exists, null while it is gone; optionally a
 * stable symlink (like {@code /dev/ttyUSB2} or {@code /dev/cdc-wdm0}) that follows it and is removed while it is
 * gone, as the kernel's node would be. Waits run on the simulator's clock.
 */
public final class PortNode {
    private static final Logger log = LoggerFactory.getLogger(PortNode.class);

    private final Clock clock;
    private final Path link;
    private final String owner;
    private final Object lock = new Object();
    private volatile String current; // changed under lock, so waits see every change

    /** @param link the symlink's path, or null for none */
    public PortNode(Clock clock, Path link, String owner) {
        this.clock = clock;
        this.link = link;
        this.owner = owner;
    }

    /** The pty path now, or null while the device is gone. */
    public String current() {
        return current;
    }

    /** The stable symlink (null if none); it exists only while the port does. */
    public Path link() {
        return link;
    }

    /** The port appeared at {@code path}. */
    public void appear(String path) {
        if (link != null) {
            try {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(path));
            } catch (IOException e) {
                log.warn("{}: cannot link {} -> {}: {}", owner, link, path, e.getMessage());
            }
        }
        set(path);
    }

    /** The port is gone. */
    public void vanish() {
        if (link != null) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException e) {
                log.warn("{}: cannot remove {}: {}", owner, link, e.getMessage());
            }
        }
        set(null);
    }

    private void set(String p) {
        synchronized (lock) {
            current = p;
            lock.notifyAll();
        }
    }

    /** Waits for a port whose path differs from {@code previous} (null: any port); null after {@code clockMillis}. */
    public String awaitOtherThan(String previous, long clockMillis) throws InterruptedException {
        Deadline d = Deadline.in(clock, clockMillis);
        synchronized (lock) {
            while (true) {
                String p = current;
                if (p != null && !p.equals(previous)) return p;
                if (d.expired()) return null;
                clock.waitOn(lock, d.remaining());
            }
        }
    }

    /** Waits until the port is gone; false after {@code clockMillis}. */
    public boolean awaitGone(long clockMillis) throws InterruptedException {
        Deadline d = Deadline.in(clock, clockMillis);
        synchronized (lock) {
            while (current != null) {
                if (d.expired()) return false;
                clock.waitOn(lock, d.remaining());
            }
            return true;
        }
    }
}

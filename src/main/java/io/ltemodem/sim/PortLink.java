package io.ltemodem.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stable name for a simulated port's pty (like {@code /dev/ttyUSB2} or {@code /dev/cdc-wdm0}): a symlink that
 * points at the current pty and is removed while the device is gone, as the kernel's node would be.
 */
public final class PortLink {
    private static final Logger log = LoggerFactory.getLogger(PortLink.class);

    private final Path link;
    private final String owner;

    /** @param link the symlink's path, or null for none (then every call does nothing) */
    public PortLink(Path link, String owner) {
        this.link = link;
        this.owner = owner;
    }

    public Path path() {
        return link;
    }

    public void pointTo(String target) {
        if (link == null) return;
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            log.warn("{}: cannot link {} -> {}: {}", owner, link, target, e.getMessage());
        }
    }

    public void remove() {
        if (link == null) return;
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            log.warn("{}: cannot remove {}: {}", owner, link, e.getMessage());
        }
    }
}

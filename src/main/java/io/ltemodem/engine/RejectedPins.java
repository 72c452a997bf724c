package io.ltemodem.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers which PIN values a SIM rejected, across daemon restarts, so a PIN is never tried twice
 * (a reboot loop must not burn the PIN counter). Keys are SHA-256 of ICCID and PIN: the file holds no secret.
 * Written only when a PIN is rejected, so flash wear is nil.
 */
public final class RejectedPins {
    private static final Logger log = LoggerFactory.getLogger(RejectedPins.class);
    private static final int MAX_ENTRIES = 64;

    private final Path file;
    private final Set<String> keys = new LinkedHashSet<>();

    public RejectedPins(Path file) {
        this.file = file;
        load();
    }

    public synchronized boolean rejected(String iccid, String pin) {
        return keys.contains(key(iccid, pin));
    }

    public synchronized void markRejected(String iccid, String pin) {
        if (!keys.add(key(iccid, pin))) return;
        while (keys.size() > MAX_ENTRIES) keys.remove(keys.iterator().next());
        save();
    }

    private static String key(String iccid, String pin) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] h = d.digest(((iccid == null ? "unknown-iccid" : iccid) + "\n" + pin).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) return;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String k = line.trim();
                if (k.matches("[0-9a-f]{64}")) keys.add(k);
            }
        } catch (IOException e) {
            log.warn("cannot read {}: {}", file, e.getMessage());
        }
    }

    private void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, String.join("\n", keys).concat("\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Still remembered in memory for this run; say so loudly because a restart would forget it.
            log.error("cannot persist rejected PIN marker to {}: {}", file, e.getMessage());
        }
    }
}

package io.ltemodem.daemon.simulated;

import io.ltemodem.sim.SimModem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The board around a simulated module: a GPIO value file that powers it and a fake sysfs {@code authorized} file
 * that de-authorises its USB device. Writing "0" cuts the module off (its ports vanish), writing "1" brings it
 * back — what the L4 and L5 resets do to a real router. Watches the files on its own thread.
 */
public final class SimBoard implements AutoCloseable {
    private final SimModem sim;
    private final Path gpio;
    private final Path authorized;
    private final Thread thread;
    private volatile boolean running = true;
    private String lastGpio = "1";
    private String lastAuthorized = "1";
    private boolean onBeforeDeauthorize;

    /** Either path may be null. The files are created with "1" (powered, authorised). */
    public SimBoard(SimModem sim, Path gpio, Path authorized) throws IOException {
        this.sim = sim;
        this.gpio = gpio;
        this.authorized = authorized;
        if (gpio != null) Files.writeString(gpio, "1\n", StandardCharsets.US_ASCII);
        if (authorized != null) Files.writeString(authorized, "1\n", StandardCharsets.US_ASCII);
        thread = new Thread(this::watch, "sim-board");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            lastGpio = react(gpio, lastGpio, false);
            lastAuthorized = react(authorized, lastAuthorized, true);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * GPIO: 0 cuts the power, 1 restores it. USB authorized: 0 drops the device (the module goes quiet and its
     * ports vanish), 1 brings back only a module that had power: re-authorising cannot power a dead module.
     */
    private String react(Path file, String last, boolean usb) {
        if (file == null) return last;
        String now;
        try {
            now = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return last;
        }
        if (now.equals(last)) return last;
        if (now.equals("0")) {
            if (usb) onBeforeDeauthorize = sim.model().usbPresent();
            sim.powerOff();
        } else if (now.equals("1") && (!usb || onBeforeDeauthorize)) {
            sim.powerOn();
        }
        return now;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

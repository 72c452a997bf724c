package io.ltemodem.model;

/**
 * Where a modem sits: USB ids and sysfs path, its ports and the driver/protocol chosen. Any field may be null
 * (a simulated modem has no USB path; a HiLink stick has no AT port).
 */
public record DeviceInfo(String vid, String pid, String usbPath, String atPort, String controlPort, String netdev,
                         String driver, String protocol, String profile) {
}

package io.ltemodem.model;

/** The host side of the data path: the netdev, whether it exists and is up, and qmi_wwan raw_ip (null = n/a). */
public record HostLink(String netdev, boolean present, boolean up, Boolean rawIp) {
}

package io.ltemodem.qmi;

/** DMS Get IDs; any field may be null (not reported). */
public record DeviceIds(String esn, String imei, String meid, String imeiSv) {
}

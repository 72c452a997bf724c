package io.ltemodem.model;

/** Who the modem says it is; any field may be null (not read, or the modem refused). */
public record Identity(String manufacturer, String model, String revision, String imei, String imsi, String iccid) {
    public static final Identity EMPTY = new Identity(null, null, null, null, null, null);

    public Identity withIccid(String v) {
        return new Identity(manufacturer, model, revision, imei, imsi, v);
    }

    public Identity withImsi(String v) {
        return new Identity(manufacturer, model, revision, imei, v, iccid);
    }
}

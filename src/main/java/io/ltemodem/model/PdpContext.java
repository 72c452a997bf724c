package io.ltemodem.model;

/** A +CGDCONT definition: context id, PDP type (IP, IPV6, IPV4V6), APN (empty = network default). */
public record PdpContext(int cid, String type, String apn) {
}

package io.ltemodem.model;

/** A +CGPADDR line: context id and its addresses (null when absent); IPv6 normalised to colon form. */
public record PdpAddress(int cid, String ipv4, String ipv6) {
}

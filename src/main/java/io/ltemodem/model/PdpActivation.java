package io.ltemodem.model;

/** A +CGACT? line: context id and whether it is active. */
public record PdpActivation(int cid, boolean active) {
}

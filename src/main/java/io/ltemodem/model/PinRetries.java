package io.ltemodem.model;

/** PIN1 and PUK1 tries left (from +CPINR, +QPINC, QMI card status, MBIM PIN); null = unknown. */
public record PinRetries(Integer pin, Integer puk) {
}

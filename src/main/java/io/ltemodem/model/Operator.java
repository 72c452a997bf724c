package io.ltemodem.model;

/**
 * +COPS? : selection mode, and when registered the format, the operator (long/short name or numeric
 * MCC+MNC) and the AcT. mcc/mnc are filled only when the operator came in numeric form.
 */
public record Operator(int mode, Integer format, String name, Integer act, String mcc, String mnc) {
}

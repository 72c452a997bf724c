package io.ltemodem.model;

/** Quectel {@code +QNWINFO: <act>,<oper>,<band>,<channel>}, e.g. "FDD LTE","26201","LTE BAND 3",1300. */
public record NetworkInfo(String act, String operator, String band, Integer channel) {
}

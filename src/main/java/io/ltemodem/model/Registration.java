package io.ltemodem.model;

/**
 * One registration report (+CREG/+CGREG/+CEREG/+C5GREG, read or URC form).
 * {@code n} is the URC mode from the read form, null in a URC; area/cell are the hex strings as sent.
 */
public record Registration(RegDomain domain, Integer n, RegStat stat, String area, String cell, Integer act) {
    public Rat rat() {
        return Rat.fromAct(act);
    }
}

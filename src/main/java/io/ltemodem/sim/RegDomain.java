package io.ltemodem.sim;

/** The registration domains a modem reports separately: CS ({@code +CREG}), GPRS ({@code +CGREG}), EPS ({@code +CEREG}). */
public enum RegDomain {
    CS("+CREG"),
    GPRS("+CGREG"),
    EPS("+CEREG");

    private final String atCommand;

    RegDomain(String atCommand) {
        this.atCommand = atCommand;
    }

    /** The AT command (and URC prefix) of this domain. */
    public String atCommand() {
        return atCommand;
    }
}

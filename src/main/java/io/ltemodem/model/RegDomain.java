package io.ltemodem.model;

/** The four 27.007 registration reports: circuit (CREG), GPRS (CGREG), EPS (CEREG), 5GS (C5GREG). */
public enum RegDomain {
    CS("+CREG"),
    GPRS("+CGREG"),
    EPS("+CEREG"),
    FIVEG("+C5GREG");

    private final String command;

    RegDomain(String command) {
        this.command = command;
    }

    /** The AT command name, e.g. {@code +CEREG}. */
    public String command() {
        return command;
    }

    public static RegDomain fromPrefix(String prefix) {
        for (RegDomain d : values()) if (d.command.equalsIgnoreCase(prefix)) return d;
        return null;
    }
}

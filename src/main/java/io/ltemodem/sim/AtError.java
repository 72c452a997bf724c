package io.ltemodem.sim;

/** A command's failure as the AT port reports it: plain {@code ERROR} or a {@code +CME ERROR} code. */
final class AtError extends Exception {
    /** -1 = plain ERROR (syntax, unknown command). */
    final int cme;

    private AtError(int cme) {
        super(cme < 0 ? "ERROR" : "CME " + cme, null, false, false);
        this.cme = cme;
    }

    static AtError error() {
        return new AtError(-1);
    }

    static AtError cme(int code) {
        return new AtError(code);
    }

    static AtError of(ModemFailureException e) {
        return new AtError(cmeCode(e.failure()));
    }

    /** 27.007 §9.2 numbers. */
    static int cmeCode(ModemFailure f) {
        return switch (f) {
            case NOT_ALLOWED -> 3;
            case NOT_SUPPORTED -> 4;
            case SIM_NOT_INSERTED -> 10;
            case SIM_PIN_REQUIRED -> 11;
            case SIM_PUK_REQUIRED -> 12;
            case SIM_FAILURE -> 13;
            case SIM_BUSY -> 14;
            case INCORRECT_PASSWORD -> 16;
            case NO_NETWORK_SERVICE -> 30;
            case INVALID_PARAMETERS -> 50;
            case UNKNOWN_APN -> 127;
            case UNKNOWN -> 100;
        };
    }

    /** 27.007 §9.2 texts, for {@code AT+CMEE=2}. */
    static String cmeText(int code) {
        return switch (code) {
            case 3 -> "operation not allowed";
            case 4 -> "operation not supported";
            case 10 -> "SIM not inserted";
            case 11 -> "SIM PIN required";
            case 12 -> "SIM PUK required";
            case 13 -> "SIM failure";
            case 14 -> "SIM busy";
            case 16 -> "incorrect password";
            case 30 -> "no network service";
            case 50 -> "incorrect parameters";
            case 127 -> "missing or unknown APN";
            default -> "unknown";
        };
    }
}

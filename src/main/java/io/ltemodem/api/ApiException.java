package io.ltemodem.api;

/**
 * A call that cannot be served, with the status to answer and a message that names what was wrong. Messages
 * never carry secrets (values of secret arguments are not echoed).
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ApiException invalid(String message) {
        return new ApiException(UbusStatus.INVALID_ARGUMENT, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(UbusStatus.NOT_FOUND, message);
    }

    public int status() {
        return status;
    }

    public Reply toReply() {
        return Reply.error(status, getMessage());
    }
}

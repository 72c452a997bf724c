package io.ltemodem.qmi;

import java.util.function.Function;

/**
 * What one QMI request through a tool gave: a value, a QMI protocol error (with what the error answer still
 * carried: retries left, call end reasons), a timeout (no answer before the deadline; the tool was killed), or
 * a failure of the tool itself (not installed, device missing, output not understood).
 *
 * <p>{@code message} is fit for logs and ubus: secrets are scrubbed before it is built.
 */
public record QmiResult<T>(Status status, T value, int errorCode, String errorName, String message) {
    public enum Status { OK, PROTOCOL_ERROR, TIMEOUT, FAILED }

    public static <T> QmiResult<T> ok(T value) {
        return new QmiResult<>(Status.OK, value, 0, null, null);
    }

    /** A QMI error; {@code partial} is what the error answer told besides (may be null). */
    public static <T> QmiResult<T> protocolError(int code, String name, T partial, String message) {
        return new QmiResult<>(Status.PROTOCOL_ERROR, partial, code, name, message);
    }

    public static <T> QmiResult<T> protocolError(QmiProtocolError e, T partial, String message) {
        return protocolError(e.code(), e.nick(), partial, message);
    }

    public static <T> QmiResult<T> timeout(String message) {
        return new QmiResult<>(Status.TIMEOUT, null, 0, null, message);
    }

    public static <T> QmiResult<T> failed(String message) {
        return new QmiResult<>(Status.FAILED, null, 0, null, message);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public boolean timedOut() {
        return status == Status.TIMEOUT;
    }

    /** The known protocol error, or null (success, timeout, failure, or a code not in {@link QmiProtocolError}). */
    public QmiProtocolError error() {
        return status == Status.PROTOCOL_ERROR ? QmiProtocolError.fromCode(errorCode) : null;
    }

    public boolean is(QmiProtocolError e) {
        return status == Status.PROTOCOL_ERROR && errorCode == e.code();
    }

    /** Same outcome, value mapped (only when there is one). */
    public <R> QmiResult<R> map(Function<? super T, ? extends R> f) {
        return new QmiResult<>(status, value == null ? null : f.apply(value), errorCode, errorName, message);
    }

    /** Same failure with another value type (for passing an error on). */
    public <R> QmiResult<R> withoutValue() {
        return new QmiResult<>(status, null, errorCode, errorName, message);
    }

    /** One line for a log: {@code OK}, {@code CallFailed (14): ...}, {@code TIMEOUT: ...}. */
    public String describe() {
        return switch (status) {
            case OK -> "OK";
            case PROTOCOL_ERROR -> (errorName != null ? errorName : "QMI error") + " (" + errorCode + ")"
                    + (message != null ? ": " + message : "");
            case TIMEOUT -> "TIMEOUT" + (message != null ? ": " + message : "");
            case FAILED -> "FAILED" + (message != null ? ": " + message : "");
        };
    }
}

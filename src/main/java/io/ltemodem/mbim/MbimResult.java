package io.ltemodem.mbim;

import java.util.function.Function;

/**
 * What one MBIM request through a tool gave: a value; an MBIM status error (the modem answered with a failure
 * status, {@link MbimStatus}); a timeout (no answer before the deadline: the tool was killed); or a failure of the
 * tool itself (not installed, device missing, session lost, output not understood).
 *
 * <p>{@code message} is fit for logs and ubus: secrets are scrubbed before it is built.
 */
public record MbimResult<T>(Status status, T value, int statusCode, String statusName, String message) {
    public enum Status { OK, STATUS_ERROR, TIMEOUT, FAILED }

    public static <T> MbimResult<T> ok(T value) {
        return new MbimResult<>(Status.OK, value, 0, null, null);
    }

    public static <T> MbimResult<T> statusError(int code, String name, String message) {
        return new MbimResult<>(Status.STATUS_ERROR, null, code, name, message);
    }

    public static <T> MbimResult<T> statusError(MbimStatus s, String message) {
        return statusError(s.code(), s.nick(), message);
    }

    public static <T> MbimResult<T> timeout(String message) {
        return new MbimResult<>(Status.TIMEOUT, null, 0, null, message);
    }

    public static <T> MbimResult<T> failed(String message) {
        return new MbimResult<>(Status.FAILED, null, 0, null, message);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public boolean timedOut() {
        return status == Status.TIMEOUT;
    }

    /** The MBIM status of a STATUS_ERROR, or null (success, timeout, failure, or a code not in {@link MbimStatus}). */
    public MbimStatus error() {
        return status == Status.STATUS_ERROR ? MbimStatus.fromCode(statusCode) : null;
    }

    public boolean is(MbimStatus s) {
        return status == Status.STATUS_ERROR && statusCode == s.code();
    }

    public <R> MbimResult<R> map(Function<? super T, ? extends R> f) {
        return new MbimResult<>(status, value == null ? null : f.apply(value), statusCode, statusName, message);
    }

    /** Same failure with another value type. */
    public <R> MbimResult<R> withoutValue() {
        return new MbimResult<>(status, null, statusCode, statusName, message);
    }

    /** One line for a log: {@code OK}, {@code PinRequired (5): ...}, {@code TIMEOUT: ...}. */
    public String describe() {
        return switch (status) {
            case OK -> "OK";
            case STATUS_ERROR -> (statusName != null ? statusName : "MBIM status") + " (" + statusCode + ")"
                    + (message != null ? ": " + message : "");
            case TIMEOUT -> "TIMEOUT" + (message != null ? ": " + message : "");
            case FAILED -> "FAILED" + (message != null ? ": " + message : "");
        };
    }
}

package io.ltemodem.dataplane;

import io.ltemodem.model.ErrorCode;

/** The outcome of one action: success, or an error code and a message fit for logs and ubus (no secrets). */
public record StepResult(boolean ok, ErrorCode error, String message) {
    public static final StepResult OK = new StepResult(true, null, null);

    public static StepResult fail(ErrorCode error, String message) {
        return new StepResult(false, error, message);
    }
}

package io.ltemodem.model;

import java.util.Objects;

/**
 * A derived state with its detail: {@code LOCKED(pin)}, {@code NEEDS_USER(PIN_FAILED)},
 * {@code REGISTERED(roaming)}, {@code RECOVERING(3)}. The error, when there is one, says why it is not online.
 */
public record ModemState(StateKind kind, String detail, ErrorCode error) {
    public ModemState {
        Objects.requireNonNull(kind, "kind");
    }

    public static ModemState of(StateKind kind) {
        return new ModemState(kind, null, null);
    }

    public static ModemState of(StateKind kind, String detail) {
        return new ModemState(kind, detail, null);
    }

    public static ModemState failed(StateKind kind, String detail, ErrorCode error) {
        return new ModemState(kind, detail, error);
    }

    public boolean is(StateKind k) {
        return kind == k;
    }

    @Override
    public String toString() {
        return detail == null ? kind.name() : kind.name() + "(" + detail + ")";
    }
}

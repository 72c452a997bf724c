package io.ltemodem.engine;

import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.model.ErrorCode;

import java.util.Objects;

/**
 * How one modem is driven, as chosen for the device discovery found: the {@link ModemControl} and the
 * {@link DataPlane}. Or, when the configuration cannot be met on this host (the QMI tools are not installed,
 * {@code protocol 'qmi'} on a modem without a QMI node), why not: a person must act, the engine waits.
 */
public record Drivers(ModemControl control, DataPlane plane, ErrorCode error, String problem) {
    public Drivers {
        if (error == null) {
            Objects.requireNonNull(control, "control");
            Objects.requireNonNull(plane, "plane");
        }
    }

    public static Drivers of(ModemControl control, DataPlane plane) {
        return new Drivers(control, plane, null, null);
    }

    /** No drivers can work: {@code problem} says why, fit for logs and ubus. */
    public static Drivers unusable(ErrorCode error, String problem) {
        return new Drivers(null, null, Objects.requireNonNull(error), Objects.requireNonNull(problem));
    }

    public boolean usable() {
        return error == null;
    }
}

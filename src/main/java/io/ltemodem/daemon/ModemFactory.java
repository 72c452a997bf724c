package io.ltemodem.daemon;

import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.engine.Reconciler;

/** Builds the parts of one modem's reconciler: real sysfs/tty in production, the simulator in the demo and tests. */
public interface ModemFactory {
    Reconciler.Parts create(ModemConfig modem, DaemonConfig daemon);
}

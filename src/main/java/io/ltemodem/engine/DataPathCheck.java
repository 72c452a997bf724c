package io.ltemodem.engine;

import io.ltemodem.model.DataPath;
import io.ltemodem.model.IpConfig;

/** Verifies that traffic passes through the data session (ping or TCP connect through the modem's netdev). */
public interface DataPathCheck {
    /** Bounded by its own deadline; never throws. */
    DataPath check(String netdev, IpConfig ip);
}

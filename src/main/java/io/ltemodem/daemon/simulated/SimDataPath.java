package io.ltemodem.daemon.simulated;

import io.ltemodem.engine.DataPathCheck;
import io.ltemodem.model.DataPath;
import io.ltemodem.model.IpConfig;
import io.ltemodem.sim.PdpContextInfo;
import io.ltemodem.sim.SimModem;

/**
 * The data-path check against a simulated modem: traffic passes when the simulated network has the context
 * active with an address. The simulator has no real network behind it, so this stands in for the ping.
 */
public final class SimDataPath implements DataPathCheck {
    private final SimModem sim;
    private final int cid;

    public SimDataPath(SimModem sim, int cid) {
        this.sim = sim;
        this.cid = cid;
    }

    @Override
    public DataPath check(String netdev, IpConfig ip) {
        for (PdpContextInfo c : sim.contexts()) {
            if (c.cid() == cid && c.active() && c.ipv4() != null && !c.ipLost() && !c.trafficDropped()) {
                return new DataPath(true, "simulated network", 1, "context " + cid + " passes traffic");
            }
        }
        return new DataPath(false, null, 0, "the simulated network drops traffic of context " + cid);
    }
}

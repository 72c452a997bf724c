package io.ltemodem.engine;

import io.ltemodem.model.DataPath;
import io.ltemodem.model.IpConfig;
import io.ltemodem.sys.ProcessRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * The watchdog's data-path check: one ping through the modem's netdev to each configured host in turn until one
 * answers (two hosts, as watchcat and ROOter do, so one host's outage is not read as ours). Without hosts the
 * check can only say that the session has an address.
 */
public final class PingCheck implements DataPathCheck {
    private final ProcessRunner runner;
    private final List<String> hosts;
    private final long timeoutMs;

    public PingCheck(ProcessRunner runner, List<String> hosts, long timeoutMs) {
        this.runner = runner;
        this.hosts = List.copyOf(hosts);
        this.timeoutMs = timeoutMs;
    }

    @Override
    public DataPath check(String netdev, IpConfig ip) {
        if (hosts.isEmpty()) {
            boolean ok = ip != null && ip.hasAddress();
            return new DataPath(ok, null, 0, ok ? "no watchdog hosts: the session has an address" : "no address");
        }
        String last = "no host answered";
        for (String host : hosts) {
            List<String> cmd = new ArrayList<>(List.of("ping", "-c", "1", "-W", String.valueOf(Math.max(1, timeoutMs / 1000))));
            if (netdev != null) cmd.addAll(List.of("-I", netdev));
            cmd.add(host);
            ProcessRunner.Result r = runner.run(cmd, timeoutMs + 1_000);
            if (r.ok()) return new DataPath(true, host, r.millis(), "ping " + host + " answered");
            last = r.timedOut() ? "ping " + host + " timed out" : "ping " + host + " failed (exit " + r.exitCode() + ")";
        }
        return new DataPath(false, null, 0, last);
    }
}

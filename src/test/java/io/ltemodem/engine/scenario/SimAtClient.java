package io.ltemodem.engine.scenario;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtResult;
import io.ltemodem.sys.Clock;

import java.io.IOException;

/** A throw-away AT client for setting a simulator up before the daemon under test starts. */
final class SimAtClient implements AutoCloseable {
    private final AtChannel ch = AtChannel.serial("setup", Clock.SYSTEM);

    SimAtClient(String path) throws IOException {
        ch.open(path);
    }

    void ok(String cmd) {
        AtResult r = ch.send(cmd);
        if (!r.ok()) throw new AssertionError(cmd + " -> " + r);
    }

    @Override
    public void close() {
        ch.close();
    }
}

package io.ltemodem.qmi;

import io.ltemodem.sim.qmi.QmiSimulator;
import io.ltemodem.sim.qmi.SimpleQmiModel;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real Debian {@code qmicli} against the Java QMI simulator on a pty. Tests that need it call
 * {@link #require()}: without qmicli installed they are skipped, loudly.
 */
public final class RealQmicli implements AutoCloseable {
    public final SimpleQmiModel model;
    public final QmiSimulator sim;
    public final ProcessRunner runner = new ProcessRunner();
    public final QmicliTool tool;

    private RealQmicli(Path qmicli, int cidPool, QmiTimeouts timeouts) throws IOException {
        model = new SimpleQmiModel(Clock.SYSTEM);
        sim = QmiSimulator.builder(model).clock(Clock.SYSTEM).cidPoolSize(cidPool).start();
        tool = new QmicliTool(qmicli.toString(), sim.devicePath(), false, runner, timeouts);
    }

    /** Short deadlines: the simulator answers in milliseconds. */
    public static final QmiTimeouts TEST_TIMEOUTS = new QmiTimeouts(4_000, 6_000, 6_000);

    public static RealQmicli start() throws IOException {
        return start(16, TEST_TIMEOUTS);
    }

    public static RealQmicli start(int cidPool, QmiTimeouts timeouts) throws IOException {
        return new RealQmicli(require(), cidPool, timeouts);
    }

    /** The qmicli binary, or the test is skipped with a line on stderr saying why. */
    public static Path require() {
        Path p = QmiTools.find("qmicli", QmiTools.searchPath());
        if (p == null) {
            System.err.println("SKIPPED: qmicli (libqmi-utils) is not installed; the QMI tests against the real tool did not run");
        }
        Assumptions.assumeTrue(p != null, "qmicli not installed");
        return p;
    }

    @Override
    public void close() {
        runner.killAll();
        sim.close();
    }
}
